import path from 'node:path'
import * as cheerio from 'cheerio'
import { beforeAll, describe, expect, it } from 'vitest'
import type { CompiledBrief } from '../../src/core/compiled.ts'
import { briefMap } from '../../src/render/html/argument-map.ts'
import { renderBriefPage, renderPrintPage } from '../../src/render/html/pages.ts'
import { enMap, zhMap } from '../fixtures/argument-map/maps.ts'
import { compileContent } from '../helpers/sites.ts'

const content = path.resolve(import.meta.dirname, '..', '..', 'content')

describe("a brief's argument map in its pages", () => {
  let site: ReturnType<typeof compileContent>
  let withMap: CompiledBrief[]
  beforeAll(() => {
    site = compileContent(content, false)
    withMap = site.briefs.map((brief) => ({ ...brief, argumentMap: brief.lang === 'zh' ? zhMap : enMap }))
  })
  const config = () => site.config ?? expect.fail('the sample has no config')
  const theme = () => site.theme ?? expect.fail('the sample has no theme')

  it('shows the map after the summary, in the contents, with its words in the page’s language', async () => {
    for (const brief of withMap) {
      const $ = cheerio.load((await renderBriefPage(brief, withMap, config(), theme(), { hasPdf: false })).html)
      const order = $('.brief-body > section')
        .toArray()
        .map((s) => $(s).attr('id'))
      expect(order.slice(0, 3)).toEqual(['summary', 'argument-map', 'introduction'])
      expect($('#argument-map h2').text()).toBe(brief.lang === 'zh' ? '论证结构' : 'Argument map')
      expect($('#argument-map').attr('aria-labelledby')).toBe('argument-map-title')
      expect($('#argument-map svg[role="group"][aria-labelledby="argument-map-svg-title"]')).toHaveLength(1)
      expect($('.toc a[href="#argument-map"]')).toHaveLength(1)
      expect($('#argument-map script')).toHaveLength(0)
    }
  })

  it('gives the PDF the map as a page of its own after the contents', async () => {
    const brief = withMap[0] as CompiledBrief
    const $ = cheerio.load((await renderPrintPage(brief, config(), theme())).html)
    expect($('nav.toc + section').attr('id')).toBe('argument-map')
    expect($('#argument-map + section').attr('id')).toBe('introduction')
    expect($('#argument-map svg.argument-map-svg')).toHaveLength(1)
  })

  it('shows no map section for a brief whose map is empty', async () => {
    // Note: the sample has a map since it gained a thesis and objections; this one is emptied.
    const brief = { ...(site.briefs[0] as CompiledBrief), argumentMap: { nodes: [], edges: [] } }
    const page = (await renderBriefPage(brief, site.briefs, config(), theme(), { hasPdf: false })).html
    const print = (await renderPrintPage(brief, config(), theme())).html
    expect(page).not.toContain('argument-map')
    expect(print).not.toContain('argument-map')
    expect(await briefMap(brief, theme())).toBeUndefined()
  })

  it('draws nothing where check renders (no Graphviz), the list standing in with every label', async () => {
    const brief = withMap[1] as CompiledBrief
    const $ = cheerio.load(
      (await renderBriefPage(brief, withMap, config(), theme(), { hasPdf: false, drawCharts: false })).html,
    )
    expect($('#argument-map svg.argument-map-svg')).toHaveLength(0)
    expect(
      $('#argument-map .argument-map-list a')
        .toArray()
        .map((a) => $(a).text()),
    ).toEqual(expect.arrayContaining(brief.argumentMap.nodes.map((node) => node.label)))
  })
})
