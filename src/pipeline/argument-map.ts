import type { Nodes, Root } from 'mdast'
import type { ArgumentMap, MapEdge, MapNode } from '../core/argument-map.ts'
import { isCitation } from '../core/citation.ts'
import type { Box, Reference } from '../core/compiled.ts'
import { hasClass } from '../core/mdast-nodes.ts'
import { metaText, plainText } from './plain-text.ts'
import { shorten } from './shorten.ts'
import type { BriefUnits, Unit } from './units.ts'

// Note: long enough to tell works and responses apart, short enough for a node of the drawn map.
const titleLength = 60
const responseLength = 80

/**
 * A brief's argument map from its transformed, typeset units and its references: the thesis (`thesis:`,
 * else the title), one claim per argument supporting it (attacking it for `stance: con`) and the
 * arguments' `supports:` and `attacks:` between claims; one evidence node per cited work, supporting
 * each claim whose claim or text cites it outside objections; objections attacking their claim,
 * responses attacking their objection, each supported by the works cited inside it; works cited in the
 * thesis support it. Works cited only in the summary, introduction or conclusion stand for no claim and
 * are left out. Nodes in reading order, edges as found: the same brief gives the same map.
 */
export function buildArgumentMap(units: BriefUnits, references: readonly Reference[], title: string): ArgumentMap {
  const nodes: MapNode[] = []
  const edges: MapEdge[] = []
  const seenEdges = new Set<string>()
  const byKey = new Map(references.map((r) => [r.id, r]))
  const link = (from: string, to: string, relation: MapEdge['relation']) => {
    const key = `${from}\n${to}`
    if (from === to || seenEdges.has(key)) return
    seenEdges.add(key)
    edges.push({ from, to, relation })
  }
  const works = new Set<string>()
  const evidence = (keys: readonly string[], to: string) => {
    for (const key of keys) {
      const id = `work-${key}`
      if (!works.has(key)) {
        works.add(key)
        nodes.push({ id, kind: 'evidence', label: evidenceLabel(key, byKey.get(key)), href: `#ref-${key}` })
      }
      link(id, to, 'support')
    }
  }

  nodes.push({
    id: 'thesis',
    kind: 'thesis',
    label: units.thesis ? labelText(units.thesis.tree) : title,
    href: '#summary',
  })
  if (units.thesis) evidence(citedIn(units.thesis).get(undefined) ?? [], 'thesis')

  const argumentIds = new Set(units.args.map((a) => a.doc.meta.id))
  for (const { doc, id: sectionId, claim, body } of units.args) {
    const { meta } = doc
    const claimId = `claim-${meta.id}`
    nodes.push({
      id: claimId,
      kind: 'claim',
      label: labelText(claim.tree),
      href: `#${sectionId}`,
      argumentKind: meta.kind,
      argument: meta.id,
      stance: meta.stance,
    })
    link(claimId, 'thesis', meta.stance === 'con' ? 'attack' : 'support')
    // Note: an id the brief does not have is `dangling-relation`'s to report; the map leaves it out.
    for (const target of meta.supports) if (argumentIds.has(target)) link(claimId, `claim-${target}`, 'support')
    for (const target of meta.attacks) if (argumentIds.has(target)) link(claimId, `claim-${target}`, 'attack')
    const bodyCites = citedIn(body)
    evidence([...(citedIn(claim).get(undefined) ?? []), ...(bodyCites.get(undefined) ?? [])], claimId)
    for (const objection of body.file.data.objections ?? []) {
      if (!objection.id) continue
      nodes.push({
        id: objection.id,
        kind: 'objection',
        label: blockLabel(objection, titleLength),
        href: `#${objection.id}`,
      })
      link(objection.id, claimId, 'attack')
      evidence(bodyCites.get(objection.node) ?? [], objection.id)
      const { response } = objection
      if (!response?.id) continue
      nodes.push({
        id: response.id,
        kind: 'response',
        label: blockLabel(response, responseLength),
        href: `#${response.id}`,
      })
      link(response.id, objection.id, 'attack')
      evidence(bodyCites.get(response.node) ?? [], response.id)
    }
  }
  return { nodes, edges }
}

type Block = Box

/**
 * The works a unit cites, in reading order, by the objection or response block they are cited in
 * (undefined: outside any).
 */
function citedIn(unit: Unit): Map<Block | undefined, string[]> {
  const clusters = unit.file.data.citations ?? []
  const blocks = new Set<Block>(
    (unit.file.data.objections ?? []).flatMap((o) => (o.response ? [o.node, o.response.node] : [o.node])),
  )
  const found = new Map<Block | undefined, string[]>()
  const walk = (node: Nodes, owner: Block | undefined) => {
    if (isCitation(node)) {
      const index = Number((node.data as { hProperties?: { dataCitation?: unknown } }).hProperties?.dataCitation)
      const keys = found.get(owner) ?? []
      for (const item of clusters[index]?.items ?? []) if (!keys.includes(item.key)) keys.push(item.key)
      found.set(owner, keys)
      return
    }
    const inner = node.type === 'box' && blocks.has(node) ? node : owner
    if ('children' in node) for (const child of node.children) walk(child, inner)
  }
  walk(unit.tree, undefined)
  return found
}

/** `[3] Bitcoin: A peer-to-peer electronic cash…`: the style's short form, then the title shortened. */
function evidenceLabel(key: string, reference: Reference | undefined): string {
  const title = reference?.item?.title
  const shortTitle = typeof title === 'string' && title.trim() !== '' ? shorten(metaText(title), titleLength) : ''
  return [reference?.short ?? key, shortTitle].filter((part) => part !== '').join(' ')
}

/**
 * A node's label: its text as plainText gives it, without code blocks, which are no part of a
 * sentence and whose text is code's (a `[@key]` in one is no citation, yet would read as one in the map).
 */
function labelText(node: Nodes): string {
  const strip = (n: Nodes): Nodes => {
    if (!('children' in n)) return n
    const children = (n.children as Nodes[]).filter((child) => child.type !== 'code').map(strip)
    return { ...n, children } as Nodes
  }
  return node.type === 'code' ? '' : plainText(strip(node))
}

/** An objection's or response's title as plain text; without a title, its text shortened to `max`. */
function blockLabel(block: { node: Box; title: boolean }, max: number): string {
  const [line, ...rest] = block.node.children
  if (block.title && line?.type === 'paragraph') {
    // Note: the title line holds the label's slot, then the title (plugins/remark-objections.ts); later
    // transforms may split or merge its text nodes, so the label is found by its class, not its place.
    const title = line.children.filter((node) => !hasClass(node, 'objection-label', 'response-label'))
    return labelText({ type: 'paragraph', children: title })
  }
  return shorten(labelText({ type: 'root', children: rest } as Root), max)
}
