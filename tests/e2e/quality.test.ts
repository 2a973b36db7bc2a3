import { execFile } from 'node:child_process'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import type { Browser, Page } from 'puppeteer'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, serve } from '../helpers/browser.ts'
import { brokenLinks, htmlFiles } from '../helpers/html.ts'
import { runCli } from '../helpers/sites.ts'

const require = createRequire(import.meta.url)
const sampleContent = path.resolve(import.meta.dirname, '..', '..', 'content')

/** The pages every theme is checked on, in both languages. */
const pages = [
  'zh/index.html',
  'en/index.html',
  'zh/mining-not-viable/index.html',
  'en/mining-not-viable/index.html',
  'zh/kinds/environment/index.html',
  'en/kinds/environment/index.html',
  'zh/sources/index.html',
  'en/sources/index.html',
  '404.html',
]

/** The sample site built with a theme, into a scratch folder. */
async function buildSample(theme: string): Promise<string> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), `briefkit-quality-${theme}-`))
  fs.cpSync(sampleContent, path.join(root, 'content'), { recursive: true })
  const siteFile = path.join(root, 'content', 'site.yaml')
  fs.writeFileSync(siteFile, `${fs.readFileSync(siteFile, 'utf8').replace(/^theme:.*\n/m, '')}theme: ${theme}\n`)
  const out = path.join(root, 'dist')
  const result = await runCli(['build', '--no-pdf', '--content', path.join(root, 'content'), '--out', out])
  expect(result.code, result.stderr).toBe(0)
  return out
}

async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') })
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: () => Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> }>
        }
      }
    ).axe
    return (await axe.run()).violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
    }))
  })
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.targets.join(', ')}`)
}

// Quality gates, in real Chromium, for both themes: accessibility (axe-core), valid HTML (the W3C
// Nu Html Checker), links that resolve, no sideways scrolling on a phone, Chinese search.
describe.each(['default', 'report'])('the sample site in the %s theme', (theme) => {
  let out: string
  let site: Awaited<ReturnType<typeof serve>>
  let browser: Browser

  beforeAll(async () => {
    out = await buildSample(theme)
    site = await serve(out)
    browser = await launchBrowser()
  }, 60_000)
  afterAll(async () => {
    await browser?.close()
    await site?.close()
  })

  it('has every page and file a reader, a feed reader and a crawler look for', () => {
    for (const file of [
      ...pages,
      'index.html',
      'sitemap.xml',
      'robots.txt',
      'zh/feed.xml',
      'en/feed.xml',
      'pagefind/pagefind-ui.js',
    ]) {
      expect(fs.existsSync(path.join(out, file)), file).toBe(true)
    }
  })

  it('links every internal href and src to a file that exists', () => {
    expect(brokenLinks(out)).toEqual([])
  })

  it('has no serious or critical axe-core violations, light and dark', async () => {
    const page = await browser.newPage()
    const found: string[] = []
    for (const scheme of ['light', 'dark']) {
      await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }])
      for (const file of pages) {
        await page.goto(`${site.url}${file}`, { waitUntil: 'load' })
        found.push(...(await axeViolations(page)).map((v) => `${scheme} ${file}: ${v}`))
      }
    }
    await page.close()
    expect(found).toEqual([])
  }, 120_000)

  it('does not scroll sideways at 390 px', async () => {
    const page = await browser.newPage()
    await page.setViewport({ width: 390, height: 844 })
    const wide: string[] = []
    for (const file of pages) {
      await page.goto(`${site.url}${file}`, { waitUntil: 'load' })
      const width = await page.evaluate(() => document.documentElement.scrollWidth)
      if (width > 390) wide.push(`${file}: ${width}px`)
    }
    await page.close()
    expect(wide).toEqual([])
  }, 60_000)

  it('regression (issue 16, `121.36 太瓦/时`, `15517 美/元`): keeps numbers with their units on one line in the Chinese brief at 320, 390 and 768 px', async () => {
    const page = await browser.newPage()
    const broken: string[] = []
    let runs: string[] = []
    for (const width of [320, 390, 768]) {
      await page.setViewport({ width, height: 844 })
      await page.goto(`${site.url}zh/mining-not-viable/index.html`, { waitUntil: 'load' })
      await page.evaluate(() => document.fonts.ready)
      const found = await page.evaluate(() =>
        [...document.querySelectorAll('main .nowrap')].map((span) => ({
          text: span.textContent ?? '',
          lines: new Set([...span.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size,
        })),
      )
      broken.push(...found.filter((run) => run.lines > 1).map((run) => `${width}px: ${run.text}`))
      runs = found.map((run) => run.text)
    }
    await page.close()
    expect(runs).toEqual(expect.arrayContaining(['121.36 太瓦时', '15517 美元', '138 太瓦时', '2022 年']))
    expect(broken).toEqual([])
  }, 60_000)

  it('regression (issue 16, `虚拟货币为什/么不能挖矿`): breaks the Chinese title, subtitle and listed title only between words at 320 and 360 px', async () => {
    const page = await browser.newPage()
    const words = new Intl.Segmenter('zh', { granularity: 'word' })
    const inside: string[] = []
    const wrapped: string[] = []
    for (const width of [320, 360]) {
      await page.setViewport({ width, height: 844 })
      for (const [file, selector] of [
        ['zh/mining-not-viable/index.html', '.title-block h1'],
        ['zh/mining-not-viable/index.html', '.title-block .subtitle'],
        ['zh/index.html', '.brief-card h2'],
      ] as const) {
        await page.goto(`${site.url}${file}`, { waitUntil: 'load' })
        await page.evaluate(() => document.fonts.ready)
        // Where each line of the element ends, as offsets into its text: a character on a lower line than
        // the one before it starts a line.
        const { text, breaks } = await page.$eval(selector, (element) => {
          const chars: Array<{ top: number; height: number }> = []
          const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT)
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            for (let i = 0; i < (node.textContent ?? '').length; i++) {
              const range = document.createRange()
              range.setStart(node, i)
              range.setEnd(node, i + 1)
              const rect = [...range.getClientRects()].find((r) => r.width > 0) ?? range.getBoundingClientRect()
              chars.push({ top: rect.top, height: rect.height })
            }
          }
          const found: number[] = []
          chars.forEach((c, i) => {
            const before = chars[i - 1]
            if (before && c.top > before.top + before.height / 2) found.push(i)
          })
          return { text: element.textContent ?? '', breaks: found }
        })
        const boundaries = new Set([...words.segment(text)].map((s) => s.index))
        if (breaks.length > 0) wrapped.push(`${width}px ${file} ${selector}`)
        for (const at of breaks.filter((b) => !boundaries.has(b)))
          inside.push(`${width}px ${selector}: ${text.slice(0, at)}/${text.slice(at)}`)
      }
    }
    await page.close()
    expect(inside).toEqual([])
    // Note: the titles do wrap at these widths, so the check has line ends to look at.
    expect(wrapped).toContain('320px zh/mining-not-viable/index.html .title-block h1')
    expect(wrapped).toContain('320px zh/mining-not-viable/index.html .title-block .subtitle')
  }, 60_000)

  it("keeps every chart's text inside its drawing, none over another, at 390 and 1280 px, light and dark", async () => {
    const page = await browser.newPage()
    const problems: string[] = []
    for (const [width, scheme] of [
      [390, 'light'],
      [1280, 'light'],
      [390, 'dark'],
      [1280, 'dark'],
    ] as const) {
      await page.setViewport({ width, height: 900 })
      await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }])
      for (const file of ['zh/mining-not-viable/index.html', 'en/mining-not-viable/index.html']) {
        await page.goto(`${site.url}${file}`, { waitUntil: 'load' })
        const found = await page.evaluate(async () => {
          await document.fonts.ready
          const out: string[] = []
          const svgs = [...document.querySelectorAll<SVGSVGElement>('.chart svg')].filter(
            (s) => s.getClientRects().length,
          )
          for (const svg of svgs) {
            const box = svg.getBoundingClientRect()
            const texts = [...svg.querySelectorAll('text')].map(
              (t) => [t.textContent ?? '', t.getBoundingClientRect()] as const,
            )
            for (const [text, r] of texts) {
              if (
                r.left < box.left - 0.5 ||
                r.right > box.right + 0.5 ||
                r.top < box.top - 0.5 ||
                r.bottom > box.bottom + 0.5
              )
                out.push(`outside: ${text}`)
            }
            // Note: a text's box includes its line's ascent and descent; glyphs overlap only well inside it.
            texts.forEach(([a, ra], i) => {
              for (const [b, rb] of texts.slice(i + 1)) {
                if (
                  ra.left < rb.right - 1 &&
                  rb.left < ra.right - 1 &&
                  ra.top < rb.bottom - 3 &&
                  rb.top < ra.bottom - 3
                )
                  out.push(`overlap: ${a} / ${b}`)
              }
            })
          }
          return [`${svgs.length} charts`, ...out]
        })
        problems.push(...found.map((f) => `${width} ${scheme} ${file}: ${f}`))
      }
    }
    await page.close()
    expect(problems.filter((p) => !p.endsWith(' charts'))).toEqual([])
    expect(problems.filter((p) => p.endsWith(': 2 charts'))).toHaveLength(8)
  }, 120_000)

  it('passes the W3C Nu Html Checker without errors', async () => {
    const files = htmlFiles(out).map((f) => path.join(out, f))
    const jar = require.resolve('vnu-jar/build/dist/vnu.jar')
    const { stdout, stderr } = await promisify(execFile)(
      'java',
      ['-jar', jar, '--errors-only', '--format', 'json', ...files],
      { maxBuffer: 16 << 20 },
    ).catch((error: { stdout: string; stderr: string }) => error)
    const messages = (
      JSON.parse(stderr || stdout || '{"messages":[]}') as {
        messages: Array<{ url: string; lastLine?: number; message: string }>
      }
    ).messages
    expect(messages.map((m) => `${path.relative(out, new URL(m.url).pathname)}:${m.lastLine}: ${m.message}`)).toEqual(
      [],
    )
  }, 120_000)

  it('finds the centralization argument when 算力 is typed into the search box of the Chinese brief', async () => {
    const page = await browser.newPage()
    await page.goto(`${site.url}zh/mining-not-viable/index.html`, { waitUntil: 'load' })
    await page.waitForSelector('.pagefind-ui__search-input')
    await page.type('.pagefind-ui__search-input', '算力')
    // Note: results first show as placeholders, then fill in.
    const found = await page
      .waitForFunction(
        () =>
          [...document.querySelectorAll('.pagefind-ui__result')].some((r) =>
            r.textContent?.includes('算力集中与去中心化的悖论'),
          ),
        { timeout: 15_000 },
      )
      .then(
        () => true,
        () => false,
      )
    const results = await page.$$eval('.pagefind-ui__result', (nodes) =>
      nodes.map((n) => n.textContent ?? '').join('\n'),
    )
    await page.close()
    expect(found, results).toBe(true)
  }, 60_000)
})
