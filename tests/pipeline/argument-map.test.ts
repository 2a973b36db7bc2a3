import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ArgumentMap } from '../../src/core/argument-map.ts'
import { compileContent, copySite, type Site } from '../helpers/sites.ts'

const briefPath = (site: Site, file = 'brief.md') => path.join(site.content, 'grid-batteries', file)
const edit = (site: Site, file: string, from: RegExp | string, to: string) =>
  fs.writeFileSync(briefPath(site, file), fs.readFileSync(briefPath(site, file), 'utf8').replace(from, to))

/** The fixture `argument-map` compiled, after `change`: its only brief's map. */
function mapOf(change: (site: Site) => void = () => {}): ArgumentMap {
  const site = copySite('argument-map')
  change(site)
  const { briefs } = compileContent(site.content, false)
  expect(briefs).toHaveLength(1)
  return briefs[0]!.argumentMap
}

const edges = (map: ArgumentMap) => map.edges.map((e) => `${e.from} ${e.relation}s ${e.to}`)
const labels = (map: ArgumentMap) => map.nodes.map((n) => `${n.id}: ${n.label}`)

describe('buildArgumentMap', () => {
  const map = mapOf()

  it('has the thesis, each claim, each cited work once, and each objection and response, in reading order', () => {
    expect(labels(map)).toEqual([
      'thesis: Grid batteries should replace new gas peaking plants by 2030.',
      'work-iea2024storage: International Storage Agency 2024 Storage Outlook 2024',
      'claim-reliability: Four-hour batteries already carry the evening peak in grids like ours.',
      'work-okafor2025fleet: Okafor and Berg 2025 Two winters of a grid battery fleet: availability, failures…',
      'work-lindgren2024costs: Lindgren 2024 Lifetime Costs of Peaking Capacity',
      'objection-reliability-1: Battery fires make large sites unsafe',
      'work-marsh2023fire: Marsh 2023 Fires at grid battery sites, 2013–2022',
      'response-reliability-1: The fleet’s failure rate fell tenfold as cells and spacing changed.',
      'claim-cost: A battery costs less than a peaking plant over fifteen years.',
      'objection-cost-1: Cell prices may rise again',
      'claim-peakers: Only gas plants can run for days when a cold spell outlasts the batteries.',
      'work-tanaka2022peakers: Tanaka 2022 Peaking Plants in Long Cold Spells',
      'claim-supply: Contracts already signed cover the lithium the plan needs.',
      'work-chen2024minerals: Chen 2024 Lithium Contracts for Grid Storage',
      // An objection without a title stands for its first words; a response with one, for its title.
      'objection-supply-1: A single country refines most of the world’s lithium, and…',
      'response-supply-1: Stocks bridge a stoppage',
    ])
  })

  it('links claims to their sections, objections and responses to their blocks, works to their entries', () => {
    const hrefs = Object.fromEntries(map.nodes.map((n) => [n.id, n.href]))
    expect(hrefs).toMatchObject({
      thesis: '#summary',
      'claim-reliability': '#reliability',
      // Note: the second `reliability` argument's section is `reliability-2`; its id is its own `id:`.
      'claim-peakers': '#reliability-2',
      'objection-reliability-1': '#objection-reliability-1',
      'response-supply-1': '#response-supply-1',
      'work-okafor2025fleet': '#ref-okafor2025fleet',
    })
    const claims = map.nodes.filter((n) => n.kind === 'claim')
    expect(claims.map((n) => [n.argument, n.argumentKind, n.stance])).toEqual([
      ['reliability', 'reliability', 'pro'],
      ['cost', 'cost', 'pro'],
      ['peakers', 'reliability', 'con'],
      ['supply', 'supply', 'pro'],
    ])
  })

  it('relates claims to the thesis (a con claim attacks it) and to each other, and hangs evidence under what cites it', () => {
    expect(edges(map)).toEqual([
      'work-iea2024storage supports thesis',
      'claim-reliability supports thesis',
      'work-okafor2025fleet supports claim-reliability',
      'work-lindgren2024costs supports claim-reliability',
      'objection-reliability-1 attacks claim-reliability',
      // Works cited inside an objection or a response back that, not the claim.
      'work-marsh2023fire supports objection-reliability-1',
      'response-reliability-1 attacks objection-reliability-1',
      'work-okafor2025fleet supports response-reliability-1',
      'claim-cost supports thesis',
      'claim-cost supports claim-reliability',
      // The work shared with `reliability` is one node with two edges.
      'work-lindgren2024costs supports claim-cost',
      'objection-cost-1 attacks claim-cost',
      'claim-peakers attacks thesis',
      'claim-peakers attacks claim-cost',
      'work-tanaka2022peakers supports claim-peakers',
      'claim-supply supports thesis',
      'claim-supply supports claim-cost',
      'claim-supply supports claim-reliability',
      'work-chen2024minerals supports claim-supply',
      'objection-supply-1 attacks claim-supply',
      'work-chen2024minerals supports objection-supply-1',
      'response-supply-1 attacks objection-supply-1',
    ])
    expect(map.nodes.filter((n) => n.id === 'work-lindgren2024costs')).toHaveLength(1)
  })

  it('compiles `thesis:` as inline markdown, its citation rendered', () => {
    const { briefs } = compileContent(copySite('argument-map').content, false)
    expect(briefs[0]?.thesisHtml).toMatch(
      /^Grid batteries should replace new gas peaking plants by 2030 <a class="citation" href="#ref-iea2024storage"/,
    )
  })

  it('labels an objection in a Chinese brief with its whole title, its numbers kept with their units', () => {
    const zh = mapOf((site) => {
      const siteYaml = path.join(site.content, 'site.yaml')
      fs.writeFileSync(siteYaml, fs.readFileSync(siteYaml, 'utf8').replace('languages: [en]', 'languages: [en, zh]'))
      edit(site, 'brief.md', 'lang: en', 'lang: zh')
      edit(site, 'arguments/01-reliability.md', 'Battery fires make large sites unsafe', '2021 年以来 12 座电站起火')
    })
    expect(zh.nodes.find((n) => n.id === 'objection-reliability-1')?.label).toBe('2021 年以来 12 座电站起火')
  })

  it('gives the same map for the same brief', () => {
    expect(JSON.stringify(mapOf())).toBe(JSON.stringify(map))
  })

  it("labels works with a numeric style's numbers, in the order they are first cited", () => {
    const numeric = mapOf((site) => edit(site, 'brief.md', 'lang: en', 'lang: en\ncsl: ieee'))
    expect(numeric.nodes.filter((n) => n.kind === 'evidence').map((n) => n.label)).toEqual([
      // The summary cites okafor2025fleet first: [1]; the thesis comes next.
      '[2] Storage Outlook 2024',
      '[1] Two winters of a grid battery fleet: availability, failures…',
      '[3] Lifetime Costs of Peaking Capacity',
      '[4] Fires at grid battery sites, 2013–2022',
      '[5] Peaking Plants in Long Cold Spells',
      '[6] Lithium Contracts for Grid Storage',
    ])
  })

  it("stands the brief's title for a thesis it does not state, and leaves out a relation to no argument", () => {
    const bare = mapOf((site) => {
      edit(site, 'brief.md', /^thesis: .*\n/m, '')
      edit(site, 'arguments/02-cost.md', 'supports: [reliability]', 'supports: [reliability, nowhere]')
      // Note: `dangling-relation` is an error by default; a site may turn it off, and the map must still hold.
      fs.appendFileSync(path.join(site.content, 'site.yaml'), 'lint:\n  dangling-relation: off\n')
    })
    expect(bare.nodes[0]).toEqual({ id: 'thesis', kind: 'thesis', label: 'Batteries Before Peakers', href: '#summary' })
    expect(bare.nodes.some((n) => n.id === 'work-iea2024storage')).toBe(false)
    expect(edges(bare).filter((e) => e.includes('nowhere'))).toEqual([])
  })
})
