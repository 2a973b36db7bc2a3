import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { readBookmarks } from '../../../src/render/pdf/outline.ts'
import { BrowserPool } from '../../../src/render/pdf/pool.ts'
import { printPdf } from '../../../src/render/pdf/print.ts'
import { pdfText } from '../../helpers/pdf.ts'

/** A small print page: a cover, contents, and sections that each start a page (or two, for `b`). */
function printPage(size: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'briefkit-print-'))
  const long = '<p>Filler text for a page of its own.</p>'.repeat(60)
  fs.writeFileSync(path.join(dir, 'print.html'), `<!doctype html><html><head><meta charset="utf-8"><style>
    @page { size: ${size}; margin: 20mm }
    .cover { height: 100mm; break-after: page } section { break-before: page }
  </style></head><body>
    <div class="cover">Cover</div>
    <nav class="toc"><a href="#a">Alpha <span class="toc-page"></span></a> <a href="#b">Beta <span class="toc-page"></span></a> <a href="#c">Gamma <span class="toc-page"></span></a></nav>
    <section id="a"><h2>Alpha</h2>${long}</section><section id="b"><h2>Beta</h2></section><section id="c"><h2>Gamma</h2></section>
  </body></html>`)
  return path.join(dir, 'print.html')
}

const ids: Record<string, string> = { Alpha: 'a', Beta: 'b', Gamma: 'c' }
const pagesOf = async (pdf: Uint8Array) => new Map((await readBookmarks(pdf)).map((b) => [ids[b.title] ?? b.title, b.page]))

// Real Chromium: the contents' numbers are where the sections were printed, guessed or not.
describe('printPdf', () => {
  const pool = BrowserPool.create({ concurrency: 1 })
  afterAll(async () => (await pool).close())

  it('predicts the section pages of a known page size and prints once', async () => {
    const file = printPage('A5')
    const printed = await printPdf(await pool, file, path.dirname(file), { pagesOf, css: '' })
    expect(printed.passes).toBe(1)
    expect([...printed.pages]).toEqual([['a', 3], ['b', 7], ['c', 8]])
    fs.writeFileSync(`${file}.pdf`, printed.pdf)
    expect(pdfText(`${file}.pdf`, 2)).toMatch(/Alpha 3\s+Beta 7\s+Gamma 8/)
  }, 30_000)

  it('prints a draft first for a page size it does not know, with the same result', async () => {
    const file = printPage('auto')
    const printed = await printPdf(await pool, file, path.dirname(file), { pagesOf, css: '' })
    expect(printed.passes).toBe(2)
    expect([...printed.pages.values()]).toEqual([3, expect.any(Number), expect.any(Number)])
    fs.writeFileSync(`${file}.pdf`, printed.pdf)
    expect(pdfText(`${file}.pdf`, 2)).toMatch(new RegExp(`Alpha 3\\s+Beta ${printed.pages.get('b')}\\s+Gamma ${printed.pages.get('c')}`))
  }, 30_000)
})
