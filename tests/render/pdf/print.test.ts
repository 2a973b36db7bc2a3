import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { readBookmarks } from '../../../src/render/pdf/outline.ts'
import { BrowserPool } from '../../../src/render/pdf/pool.ts'
import { printPdf } from '../../../src/render/pdf/print.ts'
import { pdfLinks, pdfText } from '../../helpers/pdf.ts'

/** A small print page: a cover, contents, and sections that each start a page (or two, for `b`). */
function printPage(size: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'briefkit-print-'))
  const long = '<p>Filler text for a page of its own.</p>'.repeat(60)
  fs.writeFileSync(
    path.join(dir, 'print.html'),
    `<!doctype html><html><head><meta charset="utf-8"><style>
    @page { size: ${size}; margin: 20mm }
    .cover { height: 100mm; break-after: page } section { break-before: page }
  </style></head><body>
    <div class="cover">Cover</div>
    <nav class="toc"><a href="#a">Alpha <span class="toc-page"></span></a> <a href="#b">Beta <span class="toc-page"></span></a> <a href="#c">Gamma <span class="toc-page"></span></a></nav>
    <section id="a"><h2>Alpha</h2>${long}</section><section id="b"><h2>Beta</h2></section><section id="c"><h2>Gamma</h2></section>
  </body></html>`,
  )
  return path.join(dir, 'print.html')
}

const ids: Record<string, string> = { Alpha: 'a', Beta: 'b', Gamma: 'c' }
const pagesOf = async (pdf: Uint8Array) =>
  new Map((await readBookmarks(pdf)).map((b) => [ids[b.title] ?? b.title, b.page]))

// Real Chromium: the contents' numbers are where the sections were printed, guessed or not.
describe('printPdf', () => {
  const pool = BrowserPool.create({ concurrency: 1 })
  afterAll(async () => (await pool).close())

  it('predicts the section pages of a known page size and prints once', async () => {
    const file = printPage('A5')
    const printed = await printPdf(await pool, file, path.dirname(file), { pagesOf, css: '', contentsFrom: 0 })
    expect(printed.passes).toBe(1)
    expect([...printed.pages]).toEqual([
      ['a', 3],
      ['b', 7],
      ['c', 8],
    ])
    fs.writeFileSync(`${file}.pdf`, printed.pdf)
    expect(pdfText(`${file}.pdf`, 2)).toMatch(/Alpha 3\s+Beta 7\s+Gamma 8/)
  }, 30_000)

  it('prints a draft first for a page size it does not know, with the same result', async () => {
    const file = printPage('auto')
    const printed = await printPdf(await pool, file, path.dirname(file), { pagesOf, css: '', contentsFrom: 0 })
    expect(printed.passes).toBe(2)
    expect([...printed.pages.values()]).toEqual([3, expect.any(Number), expect.any(Number)])
    fs.writeFileSync(`${file}.pdf`, printed.pdf)
    expect(pdfText(`${file}.pdf`, 2)).toMatch(
      new RegExp(`Alpha 3\\s+Beta ${printed.pages.get('b')}\\s+Gamma ${printed.pages.get('c')}`),
    )
  }, 30_000)

  it('prints a document on a page that printed another as if it were loaded from its own file', async () => {
    // Note: two documents in folders of one root, as the briefs of a build; the second has a
    // stylesheet beside it, a link within it and one out of it.
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'briefkit-print-'))
    const first = printPage('A5')
    fs.cpSync(path.dirname(first), path.join(root, 'first'), { recursive: true })
    await printPdf(await pool, path.join(root, 'first', 'print.html'), root, { pagesOf, css: '', contentsFrom: 0 })
    const dir = path.join(root, 'second')
    fs.mkdirSync(dir)
    fs.writeFileSync(path.join(dir, 'own.css'), 'h2::after { content: " (own style)" }')
    const requests: string[] = []
    const server = http.createServer((req, res) => {
      requests.push(req.url ?? '')
      res.end()
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const remote = `http://127.0.0.1:${(server.address() as AddressInfo).port}/chart.png`
    fs.writeFileSync(
      path.join(dir, 'print.html'),
      `<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="own.css"></head><body>
      <p><a href="#end">To the end</a> <a href="https://example.org/">Out</a></p><img src="${remote}" alt=""><h2 id="end">Second</h2></body></html>`,
    )
    const file = path.join(dir, 'print.html')
    const printed = await printPdf(await pool, file, root, { pagesOf, css: '', contentsFrom: 0 }).finally(() =>
      server.close(),
    )
    expect(requests).toEqual([])
    fs.writeFileSync(`${file}.pdf`, printed.pdf)
    const text = pdfText(`${file}.pdf`)
    expect(text).toContain('Second (own style)')
    expect(text).not.toMatch(/Alpha|Filler/)
    expect(pdfLinks(`${file}.pdf`).sort()).toEqual(['#', 'https://example.org/'])
  }, 30_000)

  it('refuses to print with a font that did not load, rather than fall back to a system font', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'briefkit-print-'))
    fs.writeFileSync(
      path.join(dir, 'print.html'),
      `<!doctype html><html><head><meta charset="utf-8"><style>
      @font-face { font-family: "Gone"; font-weight: 700; src: url("fonts/gone.ttf") format("truetype") }
      body { font-family: "Gone" }</style></head><body><h2>Text</h2></body></html>`,
    )
    await expect(
      printPdf(await pool, path.join(dir, 'print.html'), dir, { pagesOf, css: '', contentsFrom: 0 }),
    ).rejects.toThrow('A font of the print page did not load: Gone 700 normal (print.html)')
  }, 30_000)
})
