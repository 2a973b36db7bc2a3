import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import type { Browser, Page } from 'puppeteer'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type DevServer, startDevServer } from '../../src/dev/dev-server.ts'
import { launchBrowser } from '../helpers/browser.ts'
import { copySite } from '../helpers/sites.ts'

const briefPage = 'en/urban-trees/index.html'
const argumentFile = (content: string) => path.join(content, 'urban-trees', 'arguments', 'b-cost.md')
const overlayText = (page: Page) =>
  page.evaluate(() => document.querySelector('briefkit-error-overlay')?.shadowRoot?.textContent ?? '')

/** Save a file as many editors do: write a new file beside it, then rename it over the old one. */
function renameSave(file: string, text: string): void {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`)
  fs.writeFileSync(temp, text)
  fs.renameSync(temp, file)
}

/** The served page's HTML once it passes `test`, or the last one fetched when 15 s pass first. */
async function servedPage(url: string, test: (html: string) => boolean): Promise<string> {
  const deadline = Date.now() + 15_000
  for (;;) {
    const response = await fetch(url)
    const html = response.status === 200 ? await response.text() : `status ${response.status}`
    if (test(html) || Date.now() > deadline) return html
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

/** Read the event stream; `next(name)` resolves with the data of the next event of that name. */
function listen(url: string): Promise<{ next: (name: string) => Promise<string>; close: () => void }> {
  return new Promise((resolve, reject) => {
    const events: Array<{ name: string; data: string }> = []
    const waiting: Array<() => void> = []
    const request = http.get(new URL('__briefkit/events', url), (response) => {
      let buffer = ''
      response.setEncoding('utf8')
      response.on('data', (chunk: string) => {
        buffer += chunk
        for (let end = buffer.indexOf('\n\n'); end !== -1; end = buffer.indexOf('\n\n')) {
          const block = buffer.slice(0, end)
          buffer = buffer.slice(end + 2)
          const name = /^event: (.*)$/m.exec(block)?.[1]
          if (name) events.push({ name, data: /^data: (.*)$/m.exec(block)?.[1] ?? '' })
          for (const wake of waiting.splice(0)) wake()
        }
      })
      const next = async (name: string): Promise<string> => {
        for (;;) {
          const at = events.findIndex((e) => e.name === name)
          if (at !== -1) return events.splice(0, at + 1).at(-1)?.data ?? ''
          await new Promise<void>((wake) => waiting.push(wake))
        }
      }
      resolve({ next, close: () => request.destroy() })
    })
    request.on('error', reject)
  })
}

describe('briefkit dev in a browser', () => {
  const site = copySite('unseen')
  let server: DevServer
  let browser: Browser

  beforeAll(async () => {
    ;[server, browser] = await Promise.all([
      startDevServer({ contentDir: site.content, outDir: site.out, port: 0, pdf: false, log: () => undefined }),
      launchBrowser(),
    ])
  })
  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('shows an edit in the open page, then a broken edit as an overlay over the last good page', async () => {
    const page = await browser.newPage()
    await page.setViewport({ width: 1280, height: 800 })
    await page.goto(new URL(briefPage, server.url).href)
    await page.waitForFunction(() => document.documentElement.dataset.briefkitDev === 'connected', { timeout: 5000 })

    const marker = `Marker-${Date.now()}`
    fs.appendFileSync(argumentFile(site.content), `\nA new sentence, ${marker}.\n`)
    await page.waitForFunction((m) => document.body.innerText.includes(m), { timeout: 10_000 }, marker)

    fs.appendFileSync(argumentFile(site.content), '\nAn unknown source [@nosuchkey].\n')
    await page.waitForFunction(() => document.querySelector('briefkit-error-overlay') !== null, { timeout: 10_000 })
    const text = await overlayText(page)
    expect(text).toMatch(
      /urban-trees\/arguments\/b-cost\.md:\d+:\d+: error: Unknown citation key `nosuchkey` \[unknown-citation\]/,
    )
    // The overlay is text: nothing in it became an element.
    expect(
      await page.evaluate(
        () => document.querySelector('briefkit-error-overlay')?.shadowRoot?.querySelectorAll('pre *').length,
      ),
    ).toBe(0)

    const served = await fetch(new URL(briefPage, server.url))
    expect(served.status).toBe(200)
    const html = await served.text()
    expect(html).toContain(marker)
    expect(html).not.toContain('nosuchkey')

    // The next good build clears the overlay.
    fs.writeFileSync(
      argumentFile(site.content),
      fs
        .readFileSync(argumentFile(site.content), 'utf8')
        .replace('\nAn unknown source [@nosuchkey].\n', '\nFixed, Marker-two.\n'),
    )
    await page.waitForFunction(() => document.body.innerText.includes('Marker-two'), { timeout: 10_000 })
    expect(await page.$('briefkit-error-overlay')).toBeNull()
    await page.close()
  })

  it('sends a reload event on the stream after a rebuild, and keeps serving through a broken edit', async () => {
    const stream = await listen(server.url)
    try {
      expect(JSON.parse(await stream.next('hello'))).toHaveProperty('version')
      fs.appendFileSync(argumentFile(site.content), '\nOne more sentence.\n')
      const reload = JSON.parse(await stream.next('reload')) as { version: string; changed?: string[] }
      expect(reload.version).toMatch(/\.\d+$/)
      fs.appendFileSync(path.join(site.content, 'urban-trees', 'brief.md'), '\nBroken [@nosuchkey2].\n')
      expect(JSON.parse(await stream.next('error')).text).toMatch(
        /brief\.md:\d+:\d+: error: Unknown citation key `nosuchkey2` \[unknown-citation\]/,
      )
      expect((await fetch(new URL(briefPage, server.url))).status).toBe(200)
    } finally {
      stream.close()
    }
  })
})

describe("briefkit dev and editors' saves", () => {
  const site = copySite('unseen')
  const pageUrl = () => new URL(briefPage, server.url).href
  let server: DevServer
  let browser: Browser
  let page: Page

  beforeAll(async () => {
    ;[server, browser] = await Promise.all([
      startDevServer({ contentDir: site.content, outDir: site.out, port: 0, pdf: false, log: () => undefined }),
      launchBrowser(),
    ])
    // Note: one page stays open through every test, as an author's would.
    page = await browser.newPage()
    await page.goto(pageUrl())
    await page.waitForFunction(() => document.documentElement.dataset.briefkitDev === 'connected', { timeout: 5000 })
  })
  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('dev: five rename-saves of one file, each visible in the open page', async () => {
    const original = fs.readFileSync(argumentFile(site.content), 'utf8')
    for (let i = 1; i <= 5; i++) {
      const marker = `RenameSave${i}x${Date.now()}`
      renameSave(argumentFile(site.content), `${original}\nSaved by rename, ${marker}.\n`)
      expect(await servedPage(pageUrl(), (html) => html.includes(marker)), `save ${i}`).toContain(marker)
      await page.waitForFunction((m) => document.body.innerText.includes(m), { timeout: 10_000 }, marker)
    }
  })

  it('picks up a `sed -i` save, twice', async () => {
    for (let i = 1; i <= 2; i++) {
      const marker = `SedSave${i}x${Date.now()}`
      execFileSync('sed', [
        '-i',
        `s/^Planting costs are modest.*$/Planting costs are modest, ${marker}./`,
        argumentFile(site.content),
      ])
      expect(await servedPage(pageUrl(), (html) => html.includes(marker)), `save ${i}`).toContain(marker)
      await page.waitForFunction((m) => document.body.innerText.includes(m), { timeout: 10_000 }, marker)
    }
  })

  it('picks up a deleted argument, the same argument created again, and a save of it after that', async () => {
    const equity = path.join(site.content, 'urban-trees', 'arguments', 'c-equity.md')
    const text = fs.readFileSync(equity, 'utf8')
    const title = 'It helps those who need it most'
    fs.rmSync(equity)
    expect(await servedPage(pageUrl(), (html) => !html.includes(title))).not.toContain(title)
    await page.waitForFunction((t) => !document.body.innerText.includes(t), { timeout: 10_000 }, title)
    fs.writeFileSync(equity, text)
    expect(await servedPage(pageUrl(), (html) => html.includes(title))).toContain(title)
    await page.waitForFunction((t) => document.body.innerText.includes(t), { timeout: 10_000 }, title)
    renameSave(equity, text.replace('Shade follows income', 'Shade follows income, RecreatedAndSaved'))
    expect(await servedPage(pageUrl(), (html) => html.includes('RecreatedAndSaved'))).toContain('RecreatedAndSaved')
  })

  it('picks up a new brief folder, and saves in it', async () => {
    const staged = path.join(site.root, 'park-benches')
    fs.cpSync(path.join(site.content, 'urban-trees'), staged, { recursive: true })
    const brief = path.join(staged, 'brief.md')
    fs.writeFileSync(
      brief,
      fs.readFileSync(brief, 'utf8').replace('title: Shade Before Air Conditioning', 'title: Benches In Every Park'),
    )
    // Note: a brief folder that appears at once, as `mv` or a git checkout makes it.
    fs.renameSync(staged, path.join(site.content, 'park-benches'))
    const benches = new URL('en/park-benches/', server.url).href
    expect(await servedPage(benches, (html) => html.includes('Benches In Every Park'))).toContain(
      'Benches In Every Park',
    )
    expect(await servedPage(new URL('en/', server.url).href, (html) => html.includes('park-benches'))).toContain(
      'park-benches',
    )
    const argument = path.join(site.content, 'park-benches', 'arguments', 'b-cost.md')
    for (let i = 1; i <= 2; i++) {
      renameSave(argument, `${fs.readFileSync(argument, 'utf8')}\nBenches saved ${i}, NewBriefSave${i}.\n`)
      expect(await servedPage(benches, (html) => html.includes(`NewBriefSave${i}`))).toContain(`NewBriefSave${i}`)
    }
  })

  it('shows an error a save introduced, and clears it once the next save fixes it', async () => {
    const good = fs.readFileSync(argumentFile(site.content), 'utf8')
    for (let i = 1; i <= 2; i++) {
      renameSave(argumentFile(site.content), `${good}\nBroken by save ${i} [@nosuchkey${i}].\n`)
      await page.waitForFunction(
        (k) => document.querySelector('briefkit-error-overlay')?.shadowRoot?.textContent?.includes(k),
        { timeout: 10_000 },
        `nosuchkey${i}`,
      )
      expect(await overlayText(page)).toMatch(
        new RegExp(`b-cost\\.md:\\d+:\\d+: error: Unknown citation key \`nosuchkey${i}\``),
      )
      const marker = `FixedBySave${i}`
      renameSave(argumentFile(site.content), `${good}\nFixed by save ${i}, ${marker}.\n`)
      await page.waitForFunction((m) => document.body.innerText.includes(m), { timeout: 10_000 }, marker)
      expect(await page.$('briefkit-error-overlay')).toBeNull()
      expect(await servedPage(pageUrl(), (html) => html.includes(marker))).toContain(marker)
    }
  })
})

describe('briefkit dev when the first build fails', () => {
  it('still serves, with the errors in an overlay, and the site once it builds', async () => {
    const site = copySite('unseen')
    fs.appendFileSync(argumentFile(site.content), '\nAn unknown source [@nosuchkey].\n')
    const evidence = path.join(site.content, 'urban-trees', 'arguments', 'a-evidence.md')
    const kind = fs.readFileSync(evidence, 'utf8')
    fs.writeFileSync(
      evidence,
      kind.replace('kind: evidence', 'kind: "<img src=x onerror=\\"document.title=\'pwned\'\\">"'),
    )
    const log: string[] = []
    const server = await startDevServer({
      contentDir: site.content,
      outDir: site.out,
      port: 0,
      pdf: false,
      log: (line) => log.push(line),
    })
    const browser = await launchBrowser()
    try {
      expect(log.join('\n')).toMatch(/b-cost\.md:\d+:\d+: error: Unknown citation key `nosuchkey` \[unknown-citation\]/)
      const page = await browser.newPage()
      await page.goto(new URL(briefPage, server.url).href)
      await page.waitForFunction(() => document.querySelector('briefkit-error-overlay') !== null, { timeout: 10_000 })
      expect(await overlayText(page)).toContain('[unknown-citation]')
      // Content in a message is shown as text, never run.
      expect(await overlayText(page)).toContain(
        'Unknown argument kind `<img src=x onerror="document.title=\'pwned\'">`',
      )
      expect(
        await page.evaluate(
          () => document.querySelector('briefkit-error-overlay')?.shadowRoot?.querySelectorAll('pre *').length,
        ),
      ).toBe(0)
      expect(await page.title()).not.toBe('pwned')
      fs.writeFileSync(evidence, kind)
      fs.writeFileSync(
        argumentFile(site.content),
        fs.readFileSync(argumentFile(site.content), 'utf8').replace('[@nosuchkey]', 'now fixed'),
      )
      await page.waitForFunction(() => document.body.innerText.includes('now fixed'), { timeout: 10_000 })
      expect(await page.$('briefkit-error-overlay')).toBeNull()
    } finally {
      await browser.close()
      await server.close()
    }
  })
})

describe('briefkit dev with PDFs', () => {
  it('prints the PDFs in a pass after the pages, then tells the pages to reload', async () => {
    const site = copySite('unseen')
    const server = await startDevServer({
      contentDir: site.content,
      outDir: site.out,
      port: 0,
      pdfDelay: 100,
      log: () => undefined,
    })
    const stream = await listen(server.url)
    try {
      const pdf = path.join(site.out, 'en', 'urban-trees', 'urban-trees.pdf')
      expect(fs.existsSync(pdf)).toBe(false)
      await stream.next('reload')
      expect(fs.readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-')
      expect(fs.readFileSync(path.join(site.out, briefPage), 'utf8')).toContain('urban-trees.pdf')
    } finally {
      stream.close()
      await server.close()
    }
  })

  it('prints the PDFs at once when a PDF link is opened before their pass', async () => {
    const site = copySite('unseen')
    const server = await startDevServer({
      contentDir: site.content,
      outDir: site.out,
      port: 0,
      pdfDelay: 600_000,
      log: () => undefined,
    })
    try {
      const response = await fetch(new URL('en/urban-trees/urban-trees.pdf', server.url))
      expect(response.status).toBe(200)
      expect(
        Buffer.from(await response.arrayBuffer())
          .subarray(0, 5)
          .toString(),
      ).toBe('%PDF-')
      expect((await fetch(new URL('en/urban-trees/no-such.pdf', server.url))).status).toBe(404)
    } finally {
      await server.close()
    }
  }, 60_000)
})
