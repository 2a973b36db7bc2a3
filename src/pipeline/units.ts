import type { Root } from 'mdast'
import { VFile } from 'vfile'
import { findCitations, findMalformedCitations } from '../citations/syntax.ts'
import { reportParseProblems } from '../content/limits.ts'
import type { BriefSource } from '../content/load-brief.ts'
import type { MarkdownDoc } from '../content/markdown-file.ts'
import { parseMarkdown } from '../content/parse.ts'
import type { ArgumentMeta } from '../core/front-matter.ts'
import type { LocatedYaml } from '../core/yaml.ts'
import { reportError, reportWarning } from '../reporting/messages.ts'

/** One piece of a brief's markdown, compiled on its own: a whole file's body, or a front-matter field. */
export interface Unit {
  file: VFile
  tree: Root
  /** Prefix of the ids its headings and footnotes get, so units on one page never clash. */
  idPrefix: string
  /** For a front-matter field: the file it comes from, which gets its messages. */
  owner: VFile | undefined
}

/** One argument's units: its claim (a front-matter field) and its text. */
export interface ArgumentUnits {
  doc: MarkdownDoc<ArgumentMeta>
  /** Section id: the kind, with `-2`, `-3` for repeats. */
  id: string
  claim: Unit
  body: Unit
}

/** A brief's units in reading order, by part. */
export interface BriefUnits {
  summary: Unit
  findings: Unit[]
  /** `thesis:`, when the brief states one (the argument map's root). */
  thesis: Unit | undefined
  intro: Unit
  args: ArgumentUnits[]
  conclusion: Unit | undefined
  recommendations: Unit[]
  /** The text of each erratum, as written (the page shows them newest first). */
  errata: Unit[]
  /** Every unit, in reading order (the order citations are numbered in). */
  all: Unit[]
}

type FrontMatterDoc = { file: VFile; yaml: LocatedYaml }

/** Split a brief's source into units: the markdown fields of brief.md and of each argument are parsed here. */
export function briefUnits(source: BriefSource): BriefUnits {
  const { brief } = source
  const { meta } = brief
  const summary = fragment(brief, ['summary'], meta.summary, 'summary-')
  const findings = meta.keyFindings.map((text, i) => fragment(brief, ['keyFindings', i], text, `finding-${i + 1}-`))
  const thesis = meta.thesis === undefined ? undefined : fragment(brief, ['thesis'], meta.thesis, 'thesis-')
  const intro = whole(brief, 'intro-')
  const ids = argumentIds(source.arguments.map((a) => a.meta.kind))
  const args = source.arguments.map((doc, i) => {
    const id = ids[i] ?? doc.meta.kind
    return { doc, id, claim: fragment(doc, ['claim'], doc.meta.claim, `${id}-claim-`), body: whole(doc, `${id}-`) }
  })
  const conclusion = source.conclusion && whole(source.conclusion, 'conclusion-')
  const recommendations = meta.recommendations.map((text, i) =>
    fragment(brief, ['recommendations', i], text, `recommendation-${i + 1}-`),
  )
  const errata = meta.errata.map((erratum, i) =>
    fragment(brief, ['errata', i, 'text'], erratum.text, `erratum-${i + 1}-`),
  )
  const all = [
    summary,
    ...findings,
    // Note: the thesis is shown with the map, after the summary: its citations are numbered there.
    ...(thesis ? [thesis] : []),
    intro,
    ...args.flatMap((a) => [a.claim, a.body]),
    ...(conclusion ? [conclusion] : []),
    ...recommendations,
    ...errata,
  ]
  return { summary, findings, thesis, intro, args, conclusion, recommendations, errata, all }
}

function fragment(owner: FrontMatterDoc, yamlPath: PropertyKey[], text: string, idPrefix: string): Unit {
  // Note: the parser skips a leading byte-order mark, which would put every position one off.
  const file = new VFile({ path: owner.file.path, value: text.replace(/^\uFEFF/, '') })
  file.data.yamlPoint = owner.yaml.pointAt(yamlPath)
  const tree = parseMarkdown(file)
  reportParseProblems(tree, file)
  return { file, tree, idPrefix, owner: owner.file }
}

function whole(doc: { file: VFile; tree: Root }, idPrefix: string): Unit {
  return { ...doc, idPrefix, owner: undefined }
}

function argumentIds(kinds: readonly string[]): string[] {
  const seen = new Map<string, number>()
  return kinds.map((kind) => {
    const n = (seen.get(kind) ?? 0) + 1
    seen.set(kind, n)
    return n === 1 ? kind : `${kind}-${n}`
  })
}

/** Messages of a front-matter field's unit point into the field; move them to the field in the real file. */
export function moveMessages(unit: Unit): void {
  if (!unit.owner) return
  for (const message of unit.file.messages) {
    const reportAs = message.fatal === true ? reportError : reportWarning
    reportAs(unit.owner, message.reason, unit.file.data.yamlPoint, message.ruleId ?? 'briefkit', message.note)
  }
  unit.file.messages.length = 0
}

/**
 * Titles and tags are plain text (they also go into the page's title, the feed and the PDF's
 * metadata): a citation there would show as typed, so it is refused at its field.
 */
export function refuseCitationsInPlainText(source: BriefSource): void {
  const { brief } = source
  const fields: Array<[FrontMatterDoc, PropertyKey[], string | undefined]> = [
    [brief, ['title'], brief.meta.title],
    [brief, ['subtitle'], brief.meta.subtitle],
    ...brief.meta.tags.map((tag, i): [FrontMatterDoc, PropertyKey[], string] => [brief, ['tags', i], tag]),
    ...source.arguments.map((doc): [FrontMatterDoc, PropertyKey[], string] => [doc, ['title'], doc.meta.title]),
    ...(source.conclusion
      ? [
          [source.conclusion, ['title'], source.conclusion.meta.title] as [
            FrontMatterDoc,
            PropertyKey[],
            string | undefined,
          ],
        ]
      : []),
  ]
  for (const [doc, at, text] of fields) {
    if (!text || (!findCitations(text).some((f) => !f.narrative) && findMalformedCitations(text).length === 0)) continue
    reportError(
      doc.file,
      `A citation in \`${at.join('.')}\` is not rendered`,
      doc.yaml.pointAt(at),
      'citation-in-title',
      'Titles and tags are plain text; cite the source in the summary, the claim or the text instead.',
    )
  }
}
