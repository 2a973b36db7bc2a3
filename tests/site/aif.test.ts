import { describe, expect, it } from 'vitest'
import { aifDocument, aifFiles } from '../../src/site/aif.ts'
import { briefWithMap, mapFixture } from '../helpers/argument-maps.ts'

describe.each(['en', 'zh'] as const)('aifDocument, the %s map', (lang) => {
  const map = mapFixture(lang)
  const aif = aifDocument(map, '2026-11-25 00:00:00')
  const ofType = (type: string) => aif.nodes.filter((n) => n.type === type)

  it('has an I-node per thesis, claim, work, objection and response, an RA-node per support and a CA-node per attack', () => {
    expect(ofType('I').map((n) => n.text)).toEqual(map.nodes.map((n) => n.label))
    expect(ofType('I')).toHaveLength(22)
    expect(ofType('RA')).toHaveLength(17)
    expect(ofType('CA')).toHaveLength(7)
    expect(aif.nodes).toHaveLength(22 + 17 + 7)
    expect(new Set(aif.nodes.map((n) => n.nodeID)).size).toBe(aif.nodes.length)
    expect(aif.locutions).toEqual([])
  })

  it('joins every edge to nodes that exist, each RA and CA node with one edge in from an I-node and one out to another', () => {
    const byId = new Map(aif.nodes.map((n) => [n.nodeID, n]))
    for (const edge of aif.edges) {
      expect(byId.has(edge.fromID), edge.edgeID).toBe(true)
      expect(byId.has(edge.toID), edge.edgeID).toBe(true)
    }
    for (const scheme of [...ofType('RA'), ...ofType('CA')]) {
      const into = aif.edges.filter((e) => e.toID === scheme.nodeID)
      const out = aif.edges.filter((e) => e.fromID === scheme.nodeID)
      expect([into.length, out.length], scheme.nodeID).toEqual([1, 1])
      expect(byId.get(into[0]?.fromID ?? '')?.type).toBe('I')
      expect(byId.get(out[0]?.toID ?? '')?.type).toBe('I')
    }
    expect(aif.edges).toHaveLength(2 * (17 + 7))
    expect(new Set(aif.edges.map((e) => e.edgeID)).size).toBe(aif.edges.length)
  })

  it('says which node supports or attacks which, as the map does', () => {
    const text = new Map(aif.nodes.map((n) => [n.nodeID, n]))
    const found = ofType('RA')
      .concat(ofType('CA'))
      .map((s) => {
        const from = text.get(aif.edges.find((e) => e.toID === s.nodeID)?.fromID ?? '')?.text
        const to = text.get(aif.edges.find((e) => e.fromID === s.nodeID)?.toID ?? '')?.text
        return `${from} ${s.type} ${to}`
      })
      .sort()
    const label = new Map(map.nodes.map((n) => [n.id, n.label]))
    const expected = map.edges
      .map((e) => `${label.get(e.from)} ${e.relation === 'support' ? 'RA' : 'CA'} ${label.get(e.to)}`)
      .sort()
    expect(found).toEqual(expected)
  })
})

describe('aifFiles', () => {
  it("writes <lang>/<slug>/<slug>.aif.json stamped with the brief's date, the same bytes on every build", () => {
    const brief = briefWithMap(mapFixture('zh'), { lang: 'zh', slug: 'mining', title: '挖矿', date: '2026-11-25' })
    const [file] = aifFiles(brief)
    expect(file?.path).toBe('zh/mining/mining.aif.json')
    const content = String(file && 'content' in file ? file.content : '')
    const times = new Set((JSON.parse(content) as ReturnType<typeof aifDocument>).nodes.map((n) => n.timestamp))
    expect([...times]).toEqual(['2026-11-25 00:00:00'])
    const updated = { ...brief, meta: { ...brief.meta, updated: '2026-12-01' } }
    expect(JSON.stringify(aifFiles(updated))).toContain('2026-12-01 00:00:00')
    expect(aifFiles(brief)).toEqual(aifFiles(brief))
  })

  it('writes nothing for a brief whose map is empty', () => {
    const brief = briefWithMap({ nodes: [], edges: [] }, { lang: 'en', slug: 'x', title: 'X' })
    expect(aifFiles(brief)).toEqual([])
  })

  it('leaves out an edge whose end is not a node of the map', () => {
    const aif = aifDocument(
      {
        nodes: [{ id: 'thesis', kind: 'thesis', label: 'T', href: '#summary' }],
        edges: [{ from: 'work-x', to: 'thesis', relation: 'support' }],
      },
      '2026-11-25 00:00:00',
    )
    expect(aif.nodes.map((n) => n.type)).toEqual(['I'])
    expect(aif.edges).toEqual([])
  })
})
