import * as cheerio from 'cheerio'
import { toHtml } from 'hast-util-to-html'
import { describe, expect, it } from 'vitest'
import { mapList } from '../../../src/render/map/list.ts'
import { englishMapWords } from '../../../src/render/map/words.ts'
import { enMap } from '../../fixtures/argument-map/maps.ts'

describe('mapList', () => {
  const $ = cheerio.load(toHtml(mapList(enMap, englishMapWords)))
  const items = (selector: string) =>
    $(selector)
      .toArray()
      .map((li) => $(li).children('.map-role').text() + $(li).children('a').text())

  it('nests thesis, claims, then works and objections, then responses', () => {
    expect(items('.argument-map-tree > li')).toEqual([`Thesis: ${enMap.nodes[0]?.label}`])
    expect(items('.argument-map-tree > li > ul > li')).toHaveLength(5)
    const environment = $('.argument-map-tree > li > ul > li').eq(1)
    expect(environment.children('a').attr('href')).toBe('#environment')
    expect(items('.argument-map-tree > li > ul > li:nth-child(2) > ul > li').map((t) => t.split(':')[0])).toEqual([
      'Work cited',
      'Work cited',
      'Work cited',
      'Work cited',
      'Objection',
    ])
    expect(environment.find('ul ul > li > a').attr('href')).toBe('#response-environment-1')
  })

  it('names a claim against the thesis, and one that supports another claim under it as a link', () => {
    expect(items('.argument-map-tree > li > ul > li').at(-1)).toMatch(/^Claim \(attacks\): Supporters argue/)
    const economics = $('.argument-map-tree > li > ul > li').eq(2)
    expect(economics.children('ul').children('li').first().children('a').attr('href')).toBe('#policy')
    expect(economics.children('ul').children('li').first().children('ul')).toHaveLength(0)
  })
})
