import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CompiledBrief } from '../../../src/core/compiled.ts'
import { pdfPath } from '../../../src/core/paths.ts'
import { build } from '../../../src/orchestrate/build.ts'
import { PrintFonts } from '../../../src/render/pdf/fonts.ts'
import { BrowserPool } from '../../../src/render/pdf/pool.ts'
import { headingTexts, type PrintContext, printBrief } from '../../../src/render/pdf/print-briefs.ts'
import { pdfText } from '../../helpers/pdf.ts'
import { compileContent, copySite } from '../../helpers/sites.ts'

describe('headingTexts', () => {
  it('reads the text of every heading, with its markup and entities, and nothing else', () => {
    const html = `<!doctype html><html><head><title>Not a heading</title></head><body>
      <h1 class="t" data-x="a">Costs <em>rise</em> &amp; fall</h1><p>text <b>h2</b></p>
      <section><H2 id="s">引言</H2><h3>
        Mining Is
        Not Viable </h3><h6>Six</h6><header>Header</header></section></body></html>`
    expect([...headingTexts(html)]).toEqual(['Costs rise & fall', '引言', 'Mining Is\n        Not Viable', 'Six'])
  })
})

// Real Chromium: the contents' page numbers come from where the sections were printed.
describe('printBrief', () => {
  const site = copySite('unseen')
  let context: PrintContext
  let brief: CompiledBrief
  /** The page numbers printed in the PDF's contents, in order. */
  const contentsNumbers = () => {
    const file = path.join(site.out, pdfPath(brief))
    const text = [2, 3, 4].map((page) => pdfText(file, page)).find((t) => t.includes('Contents')) ?? ''
    const contents = text.slice(text.indexOf('Contents'), text.search(/Page \d+ of \d+/))
    return contents
      .split('\n')
      .filter((line) => /^\d+$/.test(line.trim()))
      .map(Number)
  }

  beforeAll(async () => {
    await build({ contentDir: site.content, outDir: site.out, pdf: false })
    const { config, theme, briefs } = compileContent(site.content, true)
    if (!config || !theme || !briefs[0]) throw new Error('the unseen site did not compile')
    brief = briefs[0]
    const fonts = theme.fonts.length > 0 ? PrintFonts.lazy(theme.fonts) : undefined
    // Note: a brief this short has no contents by default (`contentsFrom: 10`); these tests ask for them.
    context = {
      pool: await BrowserPool.create({ concurrency: 1 }),
      staging: site.out,
      config: { ...config, contentsFrom: 0 },
      theme,
      fonts,
    }
  }, 30_000)
  afterAll(() => context.pool.close())

  it('prints once: the pages a layout in columns predicts are where the sections are', async () => {
    const first = await printBrief(context, brief)
    expect(first.passes).toBe(1)
    expect(first.pages.size).toBeGreaterThan(3)
    expect(contentsNumbers()).toEqual([...first.pages.values()])
    const again = await printBrief(context, brief, { expected: first.pages })
    expect(again.passes).toBe(1)
    expect(again.pages).toEqual(first.pages)
    expect(contentsNumbers()).toEqual([...first.pages.values()])
  }, 60_000)

  it('prints again with the right numbers when the expected ones are wrong', async () => {
    const right = await printBrief(context, brief)
    const wrong = new Map([...right.pages].map(([id]) => [id, 99]))
    const fixed = await printBrief(context, brief, { expected: wrong })
    expect(fixed.passes).toBe(2)
    expect(fixed.pages).toEqual(right.pages)
    expect(contentsNumbers()).toEqual([...right.pages.values()])
    expect(contentsNumbers()).not.toContain(99)
  }, 60_000)

  it('leaves the contents out of a brief shorter than `contentsFrom` pages, and prints it once', async () => {
    const short = await printBrief({ ...context, config: { ...context.config, contentsFrom: 10 } }, brief)
    expect(short.passes).toBe(1)
    const file = path.join(site.out, pdfPath(brief))
    expect(pdfText(file)).not.toContain('Contents')
    expect(pdfText(file)).toContain('References')
    const long = await printBrief({ ...context, config: { ...context.config, contentsFrom: 2 } }, brief)
    expect(long.pages.size).toBeGreaterThan(3)
    expect(pdfText(file)).toContain('Contents')
  }, 60_000)
})
