import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import type { Browser, Page } from 'puppeteer'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startDevServer, type DevServer } from '../../src/dev/dev-server.ts'
import { launchBrowser } from '../helpers/browser.ts'
import { copySite } from '../helpers/sites.ts'

const briefPage = 'en/urban-trees/index.html'
const argumentFile = (content: string) => path.join(content, 'urban-trees', 'arguments', 'b-cost.md')
const overlayText = (page: Page) => page.evaluate(() => document.querySelector('briefkit-error-overlay')?.shadowRoot?.textContent ?? '')

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
        let end: number
        while ((end = buffer.indexOf('\n\n')) !== -1) {
          const block = buffer.slice(0, end)
          buffer = buffer.slice(end + 2)
          const name = /^event: (.*)$/m.exec(block)?.[1]
          if (name) events.push({ name, data: /^data: (.*)$/m.exec(block)?.[1] ?? '' })
          waiting.splice(0).forEach((wake) => wake())
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
    expect(text).toMatch(/urban-trees\/arguments\/b-cost\.md:\d+:\d+: error: Unknown citation key `nosuchkey` \[unknown-citation\]/)
    // The overlay is text: nothing in it became an element.
    expect(await page.evaluate(() => document.querySelector('briefkit-error-overlay')?.shadowRoot?.querySelectorAll('pre *').length)).toBe(0)

    const served = await fetch(new URL(briefPage, server.url))
    expect(served.status).toBe(200)
    const html = await served.text()
    expect(html).toContain(marker)
    expect(html).not.toContain('nosuchkey')

    // The next good build clears the overlay.
    fs.writeFileSync(argumentFile(site.content), fs.readFileSync(argumentFile(site.content), 'utf8').replace('\nAn unknown source [@nosuchkey].\n', '\nFixed, Marker-two.\n'))
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
      expect(JSON.parse(await stream.next('error')).text).toMatch(/brief\.md:\d+:\d+: error: Unknown citation key `nosuchkey2` \[unknown-citation\]/)
      expect((await fetch(new URL(briefPage, server.url))).status).toBe(200)
    } finally {
      stream.close()
    }
  })
})

describe('briefkit dev when the first build fails', () => {
  it('still serves, with the errors in an overlay, and the site once it builds', async () => {
    const site = copySite('unseen')
    fs.appendFileSync(argumentFile(site.content), '\nAn unknown source [@nosuchkey].\n')
    const evidence = path.join(site.content, 'urban-trees', 'arguments', 'a-evidence.md')
    const kind = fs.readFileSync(evidence, 'utf8')
    fs.writeFileSync(evidence, kind.replace('kind: evidence', 'kind: "<img src=x onerror=\\"document.title=\'pwned\'\\">"'))
    const log: string[] = []
    const server = await startDevServer({ contentDir: site.content, outDir: site.out, port: 0, pdf: false, log: (line) => log.push(line) })
    const browser = await launchBrowser()
    try {
      expect(log.join('\n')).toMatch(/b-cost\.md:\d+:\d+: error: Unknown citation key `nosuchkey` \[unknown-citation\]/)
      const page = await browser.newPage()
      await page.goto(new URL(briefPage, server.url).href)
      await page.waitForFunction(() => document.querySelector('briefkit-error-overlay') !== null, { timeout: 10_000 })
      expect(await overlayText(page)).toContain('[unknown-citation]')
      // Content in a message is shown as text, never run.
      expect(await overlayText(page)).toContain('Unknown argument kind `<img src=x onerror="document.title=\'pwned\'">`')
      expect(await page.evaluate(() => document.querySelector('briefkit-error-overlay')?.shadowRoot?.querySelectorAll('pre *').length)).toBe(0)
      expect(await page.title()).not.toBe('pwned')
      fs.writeFileSync(evidence, kind)
      fs.writeFileSync(argumentFile(site.content), fs.readFileSync(argumentFile(site.content), 'utf8').replace('[@nosuchkey]', 'now fixed'))
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
    const server = await startDevServer({ contentDir: site.content, outDir: site.out, port: 0, pdfDelay: 100, log: () => undefined })
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
    const server = await startDevServer({ contentDir: site.content, outDir: site.out, port: 0, pdfDelay: 600_000, log: () => undefined })
    try {
      const response = await fetch(new URL('en/urban-trees/urban-trees.pdf', server.url))
      expect(response.status).toBe(200)
      expect(Buffer.from(await response.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-')
      expect((await fetch(new URL('en/urban-trees/no-such.pdf', server.url))).status).toBe(404)
    } finally {
      await server.close()
    }
  }, 60_000)
})
