import { describe, expect, it } from 'vitest'
import type { ArgumentMap } from '../../src/core/argument-map.ts'
import { argdownFiles, argdownInline, argdownText } from '../../src/site/argdown.ts'
import { type ArgdownJson, parsed } from '../helpers/argdown.ts'
import { briefWithMap, mapFixture } from '../helpers/argument-maps.ts'

const about = { title: 'Why "mining" === 挖矿 is not viable', date: '2026-11-25', url: 'https://x.org/en/mining/' }
const single = (text: string) => text.replace(/\s+/g, ' ').trim()

describe.each(['en', 'zh'] as const)('argdownText, the %s map', (lang) => {
  const map = mapFixture(lang)
  // Note: the CLI takes half a second to start; each map is parsed once.
  let once: Promise<ArgdownJson> | undefined
  const read = () => {
    once ??= parsed(argdownText(map, about))
    return once
  }

  it('parses with @argdown/cli into one statement per thesis, claim and work and one argument per objection and response', async () => {
    const json = await read()
    const statements = map.nodes.filter((n) => ['thesis', 'claim', 'evidence'].includes(n.kind))
    const reasons = map.nodes.filter((n) => ['objection', 'response'].includes(n.kind))
    expect(statements).toHaveLength(17)
    expect(reasons).toHaveLength(5)
    expect(Object.keys(json.statements).sort()).toEqual(statements.map((n) => n.id).sort())
    expect(Object.keys(json.arguments).sort()).toEqual(reasons.map((n) => n.id).sort())
  })

  it('keeps every label word for word, brackets, stars, hashes, slashes and Chinese included', async () => {
    const json = await read()
    for (const node of map.nodes) {
      const element = json.statements[node.id] ?? json.arguments[node.id]
      const texts = [...(element?.members ?? []), ...(element?.descriptions ?? [])].flatMap((m) => m.text ?? [])
      expect(texts, node.id).toEqual([single(node.label)])
    }
  })

  it('has each support and attack of the map once, and no other relation', async () => {
    const json = await read()
    const relations = json.relations.map((r) => `${r.from} ${r.relationType} ${r.to}`).sort()
    expect(relations).toHaveLength(24)
    expect(relations.filter((r) => r.includes(' support '))).toHaveLength(17)
    expect(relations.filter((r) => r.includes(' attack '))).toHaveLength(7)
    expect(relations).toEqual(map.edges.map((e) => `${e.from} ${e.relation} ${e.to}`).sort())
  })
})

describe('argdownText', () => {
  it('writes the same bytes for the same map', () => {
    expect(argdownText(mapFixture('zh'), about)).toBe(argdownText(mapFixture('zh'), about))
  })

  it('gives nodes whose ids differ only in brackets titles of their own, and a node without a label its title', async () => {
    const map: ArgumentMap = {
      nodes: [
        { id: 'thesis', kind: 'thesis', label: '', href: '#summary' },
        { id: 'work-a[1]', kind: 'evidence', label: 'A', href: '#ref-a[1]' },
        { id: 'work-a<1>', kind: 'evidence', label: 'B', href: '#ref-a<1>' },
      ],
      edges: [
        { from: 'work-a[1]', to: 'thesis', relation: 'support' },
        { from: 'work-a<1>', to: 'thesis', relation: 'support' },
        { from: 'work-missing', to: 'thesis', relation: 'attack' },
      ],
    }
    const json = await parsed(argdownText(map, about))
    expect(Object.keys(json.statements).sort()).toEqual(['thesis', 'work-a-1-', 'work-a-1--2'])
    expect(json.statements['thesis']?.members?.map((m) => m.text)).toEqual(['thesis'])
    expect(json.relations.map((r) => `${r.from} ${r.relationType} ${r.to}`)).toEqual([
      'work-a-1- support thesis',
      'work-a-1--2 support thesis',
    ])
  })
})

describe('argdownInline', () => {
  it("escapes what Argdown would read as markup, and a shortcode's dots and colons, but nothing else", () => {
    expect(argdownInline('a [b] <c> {d} #e @f *g* _h_ i/j \\ k')).toBe(
      'a \\[b\\] \\<c\\> \\{d\\} \\#e \\@f \\*g\\* \\_h\\_ i\\/j \\\\ k',
    )
    expect(argdownInline('U.S.E.U. :+1: 3.5% 10:30 end.')).toBe('U\\.S\\.E\\.U. \\:+1: 3.5% 10:30 end.')
    expect(argdownInline('能耗\n  双控：“挖矿”')).toBe('能耗 双控：“挖矿”')
  })
})

describe('argdownFiles', () => {
  it('writes <lang>/<slug>/<slug>.argdown only for a brief whose map has nodes', () => {
    const brief = briefWithMap(mapFixture('en'), { lang: 'en', slug: 'mining', title: 'Mining' })
    const files = argdownFiles(brief, 'https://x.org/')
    expect(files.map((f) => f.path)).toEqual(['en/mining/mining.argdown'])
    expect(String(files[0] && 'content' in files[0] ? files[0].content : '')).toContain(
      '// The argument map of https://x.org/en/mining/, written by briefkit.',
    )
    expect(argdownFiles({ ...brief, argumentMap: { nodes: [], edges: [] } }, 'https://x.org/')).toEqual([])
  })
})
