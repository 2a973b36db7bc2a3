import type { ArgumentMap, MapEdge, MapNode } from '../core/argument-map.ts'
import type { CompiledBrief } from '../core/compiled.ts'
import type { OutputFile } from '../core/output.ts'
import { argdownPath, briefPagePath, siteUrl } from '../core/paths.ts'

/** What the head of an Argdown file says about the brief its map comes from. */
export interface ArgdownAbout {
  title: string
  /** `2026-11-25`. */
  date: string
  /** The brief's page, absolute. */
  url: string
}

/**
 * A brief's argument map in Argdown (argdown.org). The thesis and each claim are statements (what the
 * brief asserts), each a top-level block listing what bears on it: works as statements (`+ [work-…]`),
 * objections and responses as sketched arguments (`- <objection-…>`), other claims by reference. Titles
 * are the map's node ids, so the file, the AIF export and the page name a node alike. `loose` mode keeps
 * a relation between two statements a support or an attack rather than an entailment.
 */
export function argdownText(map: ArgumentMap, about: ArgdownAbout): string {
  const byId = new Map(map.nodes.map((node) => [node.id, node]))
  const titles = uniqueTitles(map.nodes)
  const edges = map.edges.filter((edge) => byId.has(edge.from) && byId.has(edge.to))
  // Note: under a node, the works that back it first, then the claims, then the objections.
  const order: Record<string, number> = { evidence: 0, claim: 1 }
  const rank = (edge: MapEdge) => order[byId.get(edge.from)?.kind ?? ''] ?? 2
  const into = (id: string) => edges.filter((edge) => edge.to === id).sort((a, b) => rank(a) - rank(b))
  const defined = new Set<string>()
  const lines: string[] = []

  // Note: a thesis or claim met under another node is only referred to: it is defined in its own block.
  const element = (node: MapNode, inBlock: boolean): string => {
    const title = titles.get(node.id) ?? node.id
    const reference = statement(node) ? `[${title}]` : `<${title}>`
    if (defined.has(node.id) || (isBlock(node) && !inBlock)) return reference
    defined.add(node.id)
    return `${reference}: ${argdownInline(node.label) || argdownInline(title)}`
  }
  // Note: a block's own relations come under it; works, objections and responses are defined where they
  // first bear on something, with what bears on them nested below; blocks are only referred to.
  const relations = (id: string, depth: number): void => {
    for (const edge of into(id)) {
      const from = byId.get(edge.from) as MapNode
      const nested = !isBlock(from) && !defined.has(from.id)
      lines.push(`${'  '.repeat(depth)}${edge.relation === 'support' ? '+' : '-'} ${element(from, false)}`)
      if (nested) relations(from.id, depth + 1)
    }
  }

  const blocks = [...map.nodes.filter(isBlock), ...map.nodes.filter((node) => !isBlock(node))]
  for (const node of blocks) {
    if (defined.has(node.id)) continue
    lines.push('', element(node, true))
    relations(node.id, 1)
  }
  return [...head(about), ...lines, ''].join('\n')
}

/** `<lang>/<slug>/<slug>.argdown` for a brief whose map has nodes; nothing for one without. */
export function argdownFiles(brief: CompiledBrief, baseUrl: string): OutputFile[] {
  if (brief.argumentMap.nodes.length === 0) return []
  const about = {
    title: brief.meta.title,
    date: brief.meta.updated ?? brief.meta.date,
    url: siteUrl(baseUrl, briefPagePath(brief)),
  }
  return [{ path: argdownPath(brief), content: argdownText(brief.argumentMap, about) }]
}

/**
 * Text as Argdown reads it literally: one line, and a backslash before each character that would start
 * markup (`[` a statement, `<` an argument, `#` a tag, `*`/`_` emphasis, `{` data, `/` a comment, `@` a
 * mention) and before a `.` or `:` that would open a shortcode (`.E.` is ∃, `:+1:` an emoji).
 */
export function argdownInline(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim()
  let out = ''
  for (let i = 0; i < line.length; i++) {
    const char = line[i] as string
    const shortcode = (char === '.' || char === ':') && new RegExp(`^\\${char}\\S+?\\${char}`).test(line.slice(i))
    out += /[\\[\]<>{}#@*_/]/.test(char) || shortcode ? `\\${char}` : char
  }
  return out
}

function head(about: ArgdownAbout): string[] {
  // Note: the front matter ends at the first `===`, so the title cannot hold one.
  const title = JSON.stringify(about.title.replace(/\s+/g, ' ').replace(/={3,}/g, '=='))
  return [
    '===',
    `title: ${title}`,
    `date: ${JSON.stringify(about.date)}`,
    'model: {mode: loose}',
    '===',
    '',
    `// The argument map of ${about.url.replace(/\s/g, '')}, written by briefkit.`,
  ]
}

/** The thesis and the claims: what the brief asserts, each a block of its own. */
function isBlock(node: MapNode): boolean {
  return node.kind === 'thesis' || node.kind === 'claim'
}

/** Objections and responses are reasons given against something: Argdown's arguments. The rest are statements. */
function statement(node: MapNode): boolean {
  return node.kind !== 'objection' && node.kind !== 'response'
}

/** Each node's id as an Argdown title: without the brackets that would end it, unique. */
function uniqueTitles(nodes: readonly MapNode[]): Map<string, string> {
  const used = new Set<string>()
  const titles = new Map<string, string>()
  for (const node of nodes) {
    const base = node.id.replace(/[[\]<>{}\\\s]+/g, '-').replace(/^-+/, '') || node.kind
    let title = base
    for (let n = 2; used.has(title); n++) title = `${base}-${n}`
    used.add(title)
    titles.set(node.id, title)
  }
  return titles
}
