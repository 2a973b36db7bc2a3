import type { CiteItem } from '../core/citation.ts'

// Note: Pandoc's key rules: starts with a letter, digit or `_`; inner punctuation allowed; never ends in punctuation.
const KEY = String.raw`[\p{L}\p{N}_](?:[\p{L}\p{N}_:.#$%&+?<>~/-]*[\p{L}\p{N}_])?`
// Note: a narrative key is ASCII only, so that `@nakamoto2008所述` stops before the Chinese text.
const NARRATIVE_KEY = '[A-Za-z0-9_](?:[A-Za-z0-9_:.#$%&+?<>~/-]*[A-Za-z0-9_])?'

/** A citation found in a run of text, with offsets into that text. */
export interface FoundCitation {
  start: number
  end: number
  narrative: boolean
  items: CiteItem[]
  /** Offset of each item's `@` in the text. */
  keyOffsets: number[]
  /** Every key names a figure, table or section (`@fig-x`, `[-@tbl-y]`): a cross-reference, not a citation. */
  crossReference: boolean
}

/** Whether a key names a figure, table or section (`fig-…`, `tbl-…`, `sec-…`) rather than a work. */
export function isCrossReferenceKey(key: string): boolean {
  return /^(fig|tbl|sec)-/.test(key)
}

/** A bracket that looks like a citation (`[@`, `[see @`) but is not one: `[@]`, `[@ key]`, `[@{key}]`. */
export interface MalformedCitation {
  start: number
  end: number
}

// Note: the first part stops at the first `@`, so a bracket that never closes is read once, not once per `@`.
const bracketPattern = /\[([^[\]@]*@[^[\]]*)\]/gu
// Note: a prefix must end in a space (`see @a`), so `[x@y]` stays text.
const itemPattern = new RegExp(String.raw`^(\s*)((?:[^@]*\s)?)(-?)@(${KEY})([^@]*)$`, 'u')
// Note: not after a word character, `@`, `.` or `\`, so `name@example.org` and `\@handle` are never citations.
const narrativePattern = new RegExp(String.raw`(?<![A-Za-z0-9._%+\\@-])@(${NARRATIVE_KEY})`, 'gu')

const locatorLabels: ReadonlyArray<[RegExp, string]> = [
  [/^(?:pp?\.|pages?|页)/u, 'page'],
  [/^(?:ch\.|chap\.|chapters?|章)/u, 'chapter'],
  [/^(?:sec\.|sections?|§§?|节)/u, 'section'],
  [/^(?:para\.|paragraphs?|¶¶?|段)/u, 'paragraph'],
  [/^(?:figs?\.|figures?|图)/u, 'figure'],
  [/^(?:vols?\.|volumes?|卷)/u, 'volume'],
  [/^(?:nn?\.|notes?)/u, 'note'],
  [/^(?:ll?\.|lines?)/u, 'line'],
  [/^(?:cols?\.|columns?)/u, 'column'],
  [/^(?:no\.|nos\.|numbers?)/u, 'issue'],
]

/** Find Pandoc-style citations in a run of text: `[@a; see @b, p. 3]`, `[-@a]` and narrative `@a`. */
export function findCitations(text: string): FoundCitation[] {
  return scan(text).found
}

/** Brackets in a run of text that start like a citation but do not parse as one. */
export function findMalformedCitations(text: string): MalformedCitation[] {
  return scan(text).malformed
}

// Note: an `@` at the start of a group or after a space, `-` or `;` is meant as a citation; `[mail a@b.org]` is not.
const citationIntent = /(?:^|[\s;-])@/u

function scan(text: string): { found: FoundCitation[]; malformed: MalformedCitation[] } {
  const found: FoundCitation[] = []
  const malformed: MalformedCitation[] = []
  // Note: every bracket group, in text order, so that one pass tells whether a narrative key is inside one.
  const groups: Array<{ start: number; end: number }> = []
  for (const match of text.matchAll(bracketPattern)) {
    const inner = match[1] ?? ''
    const range = { start: match.index, end: match.index + match[0].length }
    const parsed = parseGroup(inner, match.index + 1)
    if (parsed) found.push({ ...range, narrative: false, ...parsed, crossReference: allCrossReferences(parsed.items) })
    else if (citationIntent.test(inner)) malformed.push(range)
    else continue
    groups.push(range)
  }
  let group = 0
  for (const match of text.matchAll(narrativePattern)) {
    while (group < groups.length && (groups[group]?.end ?? 0) <= match.index) group++
    if (match.index >= (groups[group]?.start ?? Infinity)) continue
    found.push({
      start: match.index,
      end: match.index + match[0].length,
      narrative: true,
      items: [{ key: match[1] ?? '', suppressAuthor: false }],
      keyOffsets: [match.index],
      crossReference: isCrossReferenceKey(match[1] ?? ''),
    })
  }
  return { found: found.sort((a, b) => a.start - b.start), malformed }
}

function allCrossReferences(items: readonly CiteItem[]): boolean {
  return items.length > 0 && items.every((item) => isCrossReferenceKey(item.key))
}

function parseGroup(inner: string, offset: number): Pick<FoundCitation, 'items' | 'keyOffsets'> | undefined {
  const items: CiteItem[] = []
  const keyOffsets: number[] = []
  let at = offset
  for (const part of inner.split(';')) {
    const m = itemPattern.exec(part)
    if (!m) return undefined
    const [, space = '', prefix = '', dash = '', key = '', rest = ''] = m
    keyOffsets.push(at + space.length + prefix.length + dash.length)
    items.push({
      key,
      suppressAuthor: dash === '-',
      ...(prefix.trim() ? { prefix: prefix.trim() } : {}),
      ...parseSuffix(rest),
    })
    at += part.length + 1
  }
  return { items, keyOffsets }
}

/** Split what follows a key into a CSL locator (`p. 3` → page 3) and a free suffix. */
export function parseSuffix(rest: string): Pick<CiteItem, 'locator' | 'label' | 'suffix'> {
  const trimmed = rest.replace(/^\s*,?\s*/u, '')
  if (!trimmed) return {}
  let label: string | undefined
  let remainder = trimmed
  for (const [pattern, name] of locatorLabels) {
    const m = pattern.exec(trimmed)
    if (m) {
      label = name
      remainder = trimmed.slice(m[0].length).trimStart()
      break
    }
  }
  const locator = /^([\p{N}ivxlcdm]+(?:\s*[-–,]\s*[\p{N}ivxlcdm]+)*)(.*)$/iu.exec(remainder)
  if (locator && (label || /^\p{N}/u.test(remainder))) {
    const suffix = (locator[2] ?? '').trimEnd()
    return { locator: locator[1] ?? '', label: label ?? 'page', ...(suffix ? { suffix } : {}) }
  }
  // Note: CSL glues the suffix straight onto the cite, so it keeps its leading comma or gains a space.
  const suffix = rest.trimEnd()
  return { suffix: /^[\s,]/u.test(suffix) ? suffix : ` ${suffix}` }
}
