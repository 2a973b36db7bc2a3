// npx tsx bench/dev-reload.ts [--n 7] [--site sample|unseen] [--save append|rename]: how long
// `briefkit dev` takes from an edit saved to a file to the edit showing in a page open in Chromium
// (no PDF pass), as a median. Each try adds a sentence with a unique marker to an argument, by
// appending or (`--save rename`) as many editors save: a new file renamed over the old one; then it
// waits, in the page, until the marker shows (puppeteer polls every animation frame); the clock is
// node's, from the save.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import puppeteer from 'puppeteer'
import { startDevServer } from '../src/dev/dev-server.ts'
import { findChrome } from '../src/render/pdf/chrome.ts'

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '7' },
    site: { type: 'string', default: 'sample' },
    save: { type: 'string', default: 'append' },
  },
})
const root = path.resolve(import.meta.dirname, '..')
const source =
  values.site === 'unseen'
    ? path.join(root, 'tests', 'fixtures', 'sites', 'unseen', 'content')
    : path.join(root, 'content')
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'briefkit-dev-bench-'))
const content = path.join(scratch, 'content')
fs.cpSync(source, content, { recursive: true })
const [slug, argument] =
  values.site === 'unseen'
    ? ['urban-trees', 'b-cost.md']
    : ['mining-not-viable', fs.readdirSync(path.join(content, 'mining-not-viable', 'arguments'))[0] ?? '']
const lang = values.site === 'unseen' ? 'en' : 'zh'

const server = await startDevServer({
  contentDir: content,
  outDir: path.join(scratch, 'dist'),
  port: 0,
  pdf: false,
  log: (line) => {
    if (/built \d+ pages/.test(line)) builtAt = performance.now()
  },
})
let builtAt = 0
const browser = await puppeteer.launch({
  executablePath: findChrome(() => puppeteer.executablePath()),
  headless: true,
  args: ['--no-sandbox'],
})
const timings: number[] = []
const builds: number[] = []
try {
  const page = await browser.newPage()
  await page.goto(new URL(`${lang}/${slug}/`, server.url).href)
  for (let i = 0; i < Number(values.n); i++) {
    await page.waitForFunction(() => document.documentElement.dataset.briefkitDev === 'connected')
    await new Promise((resolve) => setTimeout(resolve, 500))
    const marker = `Marker${i}x${Date.now()}`
    const started = performance.now()
    const file = path.join(content, slug, 'arguments', argument)
    if (values.save === 'rename') {
      fs.writeFileSync(`${file}.tmp`, `${fs.readFileSync(file, 'utf8')}\nEdited ${marker}.\n`)
      fs.renameSync(`${file}.tmp`, file)
    } else {
      fs.appendFileSync(file, `\nEdited ${marker}.\n`)
    }
    await page.waitForFunction((m) => document.body.innerText.includes(m), { timeout: 30_000 }, marker)
    timings.push(performance.now() - started)
    builds.push(builtAt - started)
  }
} finally {
  await browser.close()
  await server.close()
  fs.rmSync(scratch, { recursive: true, force: true })
}
const median = (xs: number[]) => Math.round([...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0)
console.log(
  `${values.site}, ${values.save}: edit → shown in the open page, ${timings.length} tries: median ${median(timings)} ms ` +
    `(min ${Math.round(Math.min(...timings))}, max ${Math.round(Math.max(...timings))}: ${timings.map(Math.round).join(', ')}); ` +
    `of which edit → site rebuilt: median ${median(builds)} ms`,
)
