import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import * as cheerio from 'cheerio'
import { describe, expect, it } from 'vitest'
import type { ArgumentMap } from '../../../src/core/argument-map.ts'
import { BuildCache } from '../../../src/core/cache.ts'
import { drawMap } from '../../../src/render/map/draw.ts'
import { englishMapWords, mapWords } from '../../../src/render/map/words.ts'
import { loadTheme, packagedTemplatesDir } from '../../../src/theme/theme.ts'
import { enMap, zhMap } from '../../fixtures/argument-map/maps.ts'

const theme = loadTheme(path.join(packagedTemplatesDir, 'default'))
const report = loadTheme(path.join(packagedTemplatesDir, 'report'))
const draw = (map: ArgumentMap, lang: string, fonts = theme.fonts) =>
  drawMap(map, { fonts, lang, words: lang === 'zh' ? mapWords(theme.strings('zh')) : englishMapWords })

/** Each node's drawn text (its lines joined as the label was cut: with a space in English), by node id. */
function drawnLabels(html: string, joiner: string): Map<string, string> {
  const $ = cheerio.load(html)
  return new Map(
    $('svg a.map-node')
      .toArray()
      .map((a) => [
        $(a).attr('data-node') ?? '',
        $(a)
          .find('tspan')
          .toArray()
          .map((t) => $(t).text())
          .join(joiner),
      ]),
  )
}

const squeeze = (text: string) => text.replace(/\s+/g, '')

describe('drawMap', () => {
  it('keeps drawings in the cache by what they are drawn from: an edited map or other words are drawn anew', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'briefkit-maps-'))
    const cache = new BuildCache(dir, () => undefined)
    const cached = (map: ArgumentMap, words = englishMapWords) =>
      drawMap(map, { fonts: theme.fonts, lang: 'en', words, cache })
    const first = await cached(enMap)
    expect(first).toBe(await draw(enMap, 'en'))
    expect(fs.readdirSync(path.join(dir, 'maps'))).toHaveLength(1)
    expect(await cached(structuredClone(enMap))).toBe(first)
    const edited = structuredClone(enMap)
    const node = edited.nodes.find((n) => n.kind === 'claim')
    if (!node) throw new Error('the fixture has a claim')
    node.label = `${node.label} Edited.`
    const redrawn = await cached(edited)
    expect(redrawn).not.toBe(first)
    expect(redrawn).toBe(await draw(edited, 'en'))
    const otherWords = await cached(enMap, { ...englishMapWords, asList: 'As a list' })
    expect(otherWords).toContain('As a list')
    expect(fs.readdirSync(path.join(dir, 'maps'))).toHaveLength(3)
  })

  it('draws the same map as the same bytes, each time', async () => {
    const [first, second] = [await draw(zhMap, 'zh'), await draw(structuredClone(zhMap), 'zh')]
    expect(second).toBe(first)
    expect(await draw(enMap, 'en')).toBe(await draw(enMap, 'en'))
  })

  it('shows every claim, objection and response (at least its first words) and lists each whole', async () => {
    for (const [map, lang, joiner] of [
      [zhMap, 'zh', ''],
      [enMap, 'en', ' '],
    ] as const) {
      const html = await draw(map, lang)
      const drawn = drawnLabels(html, joiner)
      for (const node of map.nodes) {
        const text = drawn.get(node.id)
        expect(text, node.id).toBeDefined()
        // Note: lines are compared without spaces: a Latin line break took one, a Chinese one none.
        const shown = squeeze((text ?? '').replace(/…$/, ''))
        expect(squeeze(node.label).startsWith(shown), `${node.id}: ${text}`).toBe(true)
        if (node.kind !== 'evidence')
          expect(shown.length, node.id).toBeGreaterThanOrEqual(Math.min(squeeze(node.label).length, 40))
      }
      const $ = cheerio.load(html)
      const list = $('.argument-map-list a')
        .toArray()
        .map((a) => $(a).text())
      expect(list).toEqual(expect.arrayContaining(map.nodes.map((node) => node.label)))
    }
  })

  it('links each node where it leads in the brief and colours a claim by its kind', async () => {
    const $ = cheerio.load(await draw(enMap, 'en'))
    const attr = (selector: string, name: string) =>
      $(selector)
        .toArray()
        .map((el) => $(el).attr(name))
    expect(attr('svg a.map-node', 'href')).toEqual(enMap.nodes.map((node) => node.href))
    // Note: a label cut short shows whole on hover.
    const cut = $('svg a.map-node:has(> title)')
    expect(cut.length).toBeGreaterThan(0)
    for (const a of cut.toArray()) {
      const node = enMap.nodes.find((n) => n.id === $(a).attr('data-node'))
      expect($(a).children('title').text()).toBe(node?.label)
      expect($(a).find('text').text()).toMatch(/…$/)
    }
    // Note: an English label's lines keep the space they broke at, so its text reads as words.
    expect($('a[data-node="work-mica2023"] text').text()).toBe('Regulation (EU) 2023/1114 on…')
    expect(attr('a.map-claim', 'data-kind')).toEqual(['policy', 'environment', 'economics', 'centralization', 'value'])
    expect(attr('a.map-con', 'data-node')).toEqual(['claim-value'])
  })

  it('tells support from attack by line and head, not colour alone', async () => {
    const $ = cheerio.load(await draw(enMap, 'en'))
    const support = $('.map-edges .map-support').toArray()
    const attack = $('.map-edges .map-attack').toArray()
    expect(support).toHaveLength(enMap.edges.filter((e) => e.relation === 'support').length)
    expect(attack).toHaveLength(enMap.edges.filter((e) => e.relation === 'attack').length)
    const line = (edge: (typeof support)[number]) => $(edge).find('path:not(.map-head)').attr('stroke-dasharray')
    const head = (edge: (typeof support)[number]) => $(edge).find('.map-head').prop('tagName')?.toLowerCase()
    expect(new Set(support.map(line))).toEqual(new Set([undefined]))
    expect(new Set(attack.map(line))).toEqual(new Set(['5 3']))
    expect(new Set(support.map(head))).toEqual(new Set(['polygon']))
    expect(new Set(attack.map(head))).toEqual(new Set(['path']))
  })

  it('is one group named by its title and described, and carries no script', async () => {
    const html = await draw(zhMap, 'zh')
    const svg = cheerio.load(html)('svg.argument-map-svg')
    expect(svg.attr('role')).toBe('group')
    expect(svg.attr('aria-labelledby')).toBe('argument-map-svg-title')
    expect(svg.attr('aria-describedby')).toBe('argument-map-svg-desc')
    expect(html).toContain('<title id="argument-map-svg-title">论证结构：在现行政策')
    expect(html).toContain(
      '<desc id="argument-map-svg-desc">中心论点、5 个论点、13 篇引用文献、3 条反对意见和 2 条回应。</desc>',
    )
    expect(html).not.toMatch(/<script|<foreignObject|\son\w+=/i)
  })

  it("measures labels in the theme's fonts: the serif report theme sets them at other widths", async () => {
    const sans = await draw(enMap, 'en')
    const serif = await draw(enMap, 'en', report.fonts)
    expect(serif).toContain('font-family="&#x22;Noto Serif&#x22;')
    expect(serif).not.toBe(sans)
  })

  it('draws a map of a thesis alone, escapes markup in labels and leaves out edges to nodes it does not have', async () => {
    const map: ArgumentMap = {
      nodes: [
        { id: 'thesis', kind: 'thesis', label: 'A <b>bold</b> & "quoted" thesis -> n1', href: '#summary' },
        { id: 'claim-a', kind: 'claim', label: '', href: '#a', argumentKind: 'policy' },
      ],
      edges: [
        { from: 'claim-a', to: 'thesis', relation: 'support' },
        { from: 'work-missing', to: 'claim-a', relation: 'support' },
      ],
    }
    const $ = cheerio.load(await draw(map, 'en'))
    expect($('svg a.map-node')).toHaveLength(2)
    expect($('svg a[data-node="thesis"] text').text()).toBe('A <b>bold</b> & "quoted" thesis -> n1')
    expect($('svg b')).toHaveLength(0)
    expect($('.map-edges .map-edge')).toHaveLength(1)
    const alone = cheerio.load(await draw({ nodes: map.nodes.slice(0, 1), edges: [] }, 'en'))
    expect(alone('svg a.map-node')).toHaveLength(1)
  })
})
