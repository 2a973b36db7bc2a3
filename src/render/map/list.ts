import type { Element, ElementContent } from 'hast'
import { h } from 'hastscript'
import type { ArgumentMap, MapNode } from '../../core/argument-map.ts'
import type { MapWords } from './words.ts'

const order = { thesis: 0, claim: 1, evidence: 2, objection: 3, response: 4 } as const

/**
 * The map as a nested list, for screen readers and keyboards: the thesis, under it each claim,
 * under a claim the claims that bear on it, its works and its objections, under an objection its
 * responses. Each item names its kind (and an attack as such) and links where its node does.
 * A claim is listed in full once, under the thesis; under another claim it is a link to it.
 */
export function mapList(map: ArgumentMap, words: MapWords): Element {
  const byId = new Map(map.nodes.map((node) => [node.id, node]))
  const into = (id: string) =>
    map.edges
      .filter((edge) => edge.to === id && byId.has(edge.from))
      .map((edge) => ({ edge, node: byId.get(edge.from) as MapNode }))
      .sort((a, b) => order[a.node.kind] - order[b.node.kind])
  const role = (node: MapNode, attack: boolean) =>
    node.kind === 'claim' && attack ? `${words.claim} (${words.attacks})` : words[node.kind]
  const item = (node: MapNode, attack: boolean, depth: number): Element => {
    const children =
      depth > 0 && node.kind === 'claim'
        ? []
        : into(node.id)
            .filter(({ node: child }) => child.kind !== 'claim' || node.kind !== 'thesis')
            .map(({ edge, node: child }) => item(child, edge.relation === 'attack', depth + 1))
    return h('li', [
      h('span', { class: 'map-role' }, words.role.replace('{role}', role(node, attack))),
      h('a', { href: node.href }, node.label),
      ...(children.length > 0 ? [h('ul', children)] : []),
    ])
  }
  const thesis = map.nodes.find((node) => node.kind === 'thesis')
  const claims = map.nodes.filter((node) => node.kind === 'claim')
  const claimItems = claims.map((claim) => {
    const edge = map.edges.find((e) => e.from === claim.id && e.to === thesis?.id)
    return item(claim, edge?.relation === 'attack', 0)
  })
  if (!thesis) return h('ul', { class: 'argument-map-tree' }, claimItems)
  const rest: ElementContent[] = into(thesis.id)
    .filter(({ node }) => node.kind !== 'claim')
    .map(({ edge, node }) => item(node, edge.relation === 'attack', 1))
  return h('ul', { class: 'argument-map-tree' }, [
    h('li', [
      h('span', { class: 'map-role' }, words.role.replace('{role}', words.thesis)),
      h('a', { href: thesis.href }, thesis.label),
      ...(claimItems.length + rest.length > 0 ? [h('ul', [...claimItems, ...rest])] : []),
    ]),
  ])
}
