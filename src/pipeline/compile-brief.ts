import fs from 'node:fs'
import path from 'node:path'
import type { Root } from 'mdast'
import { VFile } from 'vfile'
import type { CslItem } from 'citeproc'
import { briefItem, formatBriefReference } from '../citations/cite-brief.ts'
import { renderCitations, type Reference } from '../citations/render.ts'
import { localize } from '../config/kinds.ts'
import { defaultStyleId, findStyle, styleHint, type LoadedStyle } from '../citations/styles.ts'
import { siteStyle, type ResolvedConfig } from '../config/resolve.ts'
import type { BriefSource } from '../content/load-brief.ts'
import type { BriefMeta } from '../core/front-matter.ts'
import type { LocatedYaml } from '../core/yaml.ts'
import { BriefkitError } from '../reporting/errors.ts'
import { hasErrors, reportError, reportWarning } from '../reporting/messages.ts'
import type { Asset } from '../core/compiled.ts'
import { parseMarkdown } from '../content/parse.ts'
import { markdownToHtml, transformMarkdown } from './markdown.ts'
import { reportParseProblems } from '../content/limits.ts'
import { briefPagePath } from '../core/paths.ts'
import { siteUrl } from '../core/paths.ts'
import { metaText, plainText } from './plain-text.ts'
import { reportUnknown } from '../plugins/remark-citations.ts'
import { findCitations, findMalformedCitations } from '../citations/syntax.ts'
import { lint, lintSummaryFigures, lintText } from '../lint/lints.ts'
import { internalLinks, type InternalLink } from '../lint/links.ts'

/** One argument, ready for a template. */
export interface CompiledArgument {
  /** Section id: the kind, with `-2`, `-3` for repeats. */
  id: string
  kind: string
  title: string
  claimHtml: string
  /** The claim for pages that list arguments: links relative to the site's root. */
  listClaimHtml: string
  html: string
}

/** One edition of a brief, ready for a template. */
export interface CompiledBrief {
  slug: string
  /** brief.md of this edition, for messages about the whole brief. */
  sourcePath: string
  lang: string
  meta: BriefMeta
  summaryHtml: string
  /** The summary for pages that list briefs: its citations link to the brief page, relative to the site's root. */
  homeSummaryHtml: string
  /** The summary as plain text without citations, for the meta description. */
  summaryText: string
  keyFindingsHtml: string[]
  introHtml: string
  arguments: CompiledArgument[]
  conclusion: { title: string | undefined; html: string } | undefined
  recommendationsHtml: string[]
  references: Reference[]
  /** The brief itself as a work: its CSL item and its reference in its style ("Cite this brief"). */
  citeThis: { item: CslItem; html: string }
  /** Whether the style cites by number (the reference list then shows the numbers). */
  numeric: boolean
  assets: Asset[]
  /** Links the author wrote to places in the site, checked once every page is known. */
  links: InternalLink[]
}

/** Words the pipeline puts in pages itself, in the brief's language. */
export interface PipelineLabels {
  /** The label of a reference's link back to a citation ("Back to citation 2"). */
  citedAt: string
  footnotes: string
  backToContent: string
}

/** How to compile. */
export interface CompileOptions {
  labels: PipelineLabels
  /** PDFs will be printed from the result. */
  pdf: boolean
}

type FrontMatterDoc = { file: VFile; yaml: LocatedYaml }

interface Unit {
  file: VFile
  tree: Root
  idPrefix: string
  /** For a front-matter fragment: the file it comes from, which gets its messages. */
  owner: VFile | undefined
}

/**
 * Turn a brief's validated source into HTML fragments: check and render citations across all its
 * files in reading order, then each file to sanitized HTML. Returns undefined when there were errors
 * (they are messages on the source's files).
 */
export function compileBrief(source: BriefSource, config: ResolvedConfig, { labels, pdf }: CompileOptions): CompiledBrief | undefined {
  const { brief, bibliography } = source
  const { meta } = brief
  // Note: when the bibliography has errors, every citation would look unknown; its own errors say enough.
  const citationKeys = bibliography.file && hasErrors([bibliography.file]) ? undefined : new Set(bibliography.items.keys())
  const options = { citationKeys, contentDir: config.contentDir, pdf }
  const style = resolveStyle(source, config)

  const fragment = (owner: FrontMatterDoc, yamlPath: PropertyKey[], text: string, idPrefix: string): Unit => {
    // Note: the parser skips a leading byte-order mark, which would put every position one off.
    const file = new VFile({ path: owner.file.path, value: text.replace(/^\uFEFF/, '') })
    file.data.yamlPoint = owner.yaml.pointAt(yamlPath)
    const tree = parseMarkdown(file)
    reportParseProblems(tree, file)
    return { file, tree, idPrefix, owner: owner.file }
  }
  const whole = (doc: { file: VFile; tree: Root }, idPrefix: string): Unit => ({ ...doc, idPrefix, owner: undefined })

  const summary = fragment(brief, ['summary'], meta.summary, 'summary-')
  const findings = meta.keyFindings.map((text, i) => fragment(brief, ['keyFindings', i], text, `finding-${i + 1}-`))
  const intro = whole(brief, 'intro-')
  const ids = argumentIds(source.arguments.map((a) => a.meta.kind))
  const args = source.arguments.map((doc, i) => {
    const id = ids[i] ?? doc.meta.kind
    return { doc, id, claim: fragment(doc, ['claim'], doc.meta.claim, `${id}-claim-`), body: whole(doc, `${id}-`) }
  })
  const conclusion = source.conclusion && whole(source.conclusion, 'conclusion-')
  const recommendations = meta.recommendations.map((text, i) => fragment(brief, ['recommendations', i], text, `recommendation-${i + 1}-`))

  const units = [summary, ...findings, intro, ...args.flatMap((a) => [a.claim, a.body]), ...(conclusion ? [conclusion] : []), ...recommendations]
  for (const unit of units) transformMarkdown(unit.tree, unit.file, options)
  lintBrief(source, config, { front: [summary, ...findings], body: [intro, ...args.flatMap((a) => [a.claim, a.body]), ...(conclusion ? [conclusion] : [])], units, args })
  for (const unit of units) if (unit.owner) moveMessages(unit.file, unit.owner)
  refuseCitationsInPlainText(source)
  if (citationKeys) {
    meta.nocite.forEach((key, i) => { if (!citationKeys.has(key)) reportUnknown(brief.file, key, citationKeys, brief.yaml.pointAt(['nocite', i])) })
  }
  if (!style || !citationKeys || hasErrors([brief.file, ...units.map((u) => u.file)])) return undefined

  const references = renderCitations(units.map((u) => u.file), style, bibliography.items, meta.lang, { nocite: meta.nocite, backLabel: labels.citedAt })
  warnUncited(source, new Set(references.map((r) => r.id)), config)

  const html = (unit: Unit, linkBase?: string) =>
    markdownToHtml(unit.tree, unit.file, {
      idPrefix: unit.idPrefix,
      footnoteLabel: labels.footnotes,
      footnoteBackLabel: labels.backToContent,
      inline: unit.owner !== undefined,
      ...(linkBase ? { linkBase } : {}),
    })
  return {
    slug: source.location.slug,
    sourcePath: brief.file.path,
    lang: meta.lang,
    meta,
    summaryHtml: html(summary),
    homeSummaryHtml: html(summary, briefPagePath({ lang: meta.lang, slug: source.location.slug })),
    summaryText: plainText(summary.tree),
    keyFindingsHtml: findings.map((unit) => html(unit)),
    introHtml: html(intro),
    arguments: args.map((a) => ({
      id: a.id,
      kind: a.doc.meta.kind,
      title: a.doc.meta.title,
      claimHtml: html(a.claim),
      listClaimHtml: html(a.claim, briefPagePath({ lang: meta.lang, slug: source.location.slug })),
      html: html(a.body),
    })),
    conclusion: conclusion && source.conclusion ? { title: source.conclusion.meta.title, html: html(conclusion) } : undefined,
    recommendationsHtml: recommendations.map((unit) => html(unit)),
    references,
    citeThis: citeThis(source, config, style, plainText(summary.tree)),
    numeric: style.numeric,
    assets: units.flatMap((u) => u.file.data.assets ?? []),
    links: units.flatMap((u) => internalLinks(u.tree, u.file, u.owner ? u.file.data.yamlPoint : undefined)),
  }
}

function citeThis(source: BriefSource, config: ResolvedConfig, style: LoadedStyle, summary: string): CompiledBrief['citeThis'] {
  const { meta } = source.brief
  // Note: plain text on one line: a newline in a title would start a new record in the .ris file.
  const item = briefItem({
    ...meta,
    title: metaText(meta.title),
    subtitle: meta.subtitle === undefined ? undefined : metaText(meta.subtitle),
    authors: meta.authors.map((author) => ({ ...author, name: metaText(author.name) })),
    summary,
    slug: source.location.slug,
    publisher: localize(config.title, meta.lang),
    url: siteUrl(config.baseUrl, briefPagePath({ lang: meta.lang, slug: source.location.slug })),
  })
  return { item, html: formatBriefReference(item, style, meta.lang) }
}

/** Messages of a front-matter fragment point into the fragment; move them to the field in the real file. */
function moveMessages(fragment: VFile, target: VFile): void {
  for (const message of fragment.messages) {
    const reportAs = message.fatal === true ? reportError : reportWarning
    reportAs(target, message.reason, fragment.data.yamlPoint, message.ruleId ?? 'briefkit', message.note)
  }
  fragment.messages.length = 0
}

/**
 * Titles and tags are plain text (they also go into the page's title, the feed and the PDF's
 * metadata): a citation there would show as typed, so it is refused at its field.
 */
function refuseCitationsInPlainText(source: BriefSource): void {
  const { brief } = source
  const fields: Array<[FrontMatterDoc, PropertyKey[], string | undefined]> = [
    [brief, ['title'], brief.meta.title],
    [brief, ['subtitle'], brief.meta.subtitle],
    ...brief.meta.tags.map((tag, i): [FrontMatterDoc, PropertyKey[], string] => [brief, ['tags', i], tag]),
    ...source.arguments.map((doc): [FrontMatterDoc, PropertyKey[], string] => [doc, ['title'], doc.meta.title]),
    ...(source.conclusion ? [[source.conclusion, ['title'], source.conclusion.meta.title] as [FrontMatterDoc, PropertyKey[], string | undefined]] : []),
  ]
  for (const [doc, at, text] of fields) {
    if (!text || (!findCitations(text).some((f) => !f.narrative) && findMalformedCitations(text).length === 0)) continue
    reportError(doc.file, `A citation in \`${at.join('.')}\` is not rendered`, doc.yaml.pointAt(at), 'citation-in-title',
      'Titles and tags are plain text; cite the source in the summary, the claim or the text instead.')
  }
}

function argumentIds(kinds: readonly string[]): string[] {
  const seen = new Map<string, number>()
  return kinds.map((kind) => {
    const n = (seen.get(kind) ?? 0) + 1
    seen.set(kind, n)
    return n === 1 ? kind : `${kind}-${n}`
  })
}

/**
 * The brief's citation style: `csl:` in brief.md, else site.yaml's for its language (checked when
 * site.yaml was read), else the language's default.
 */
/** The citation style a brief asks for (its own `csl:`, the site's, or its language's default), looked up. */
export function briefStyle(source: BriefSource, config: ResolvedConfig): { spec: string; own: boolean } & ReturnType<typeof findStyle> {
  const { brief } = source
  const own = brief.meta.csl
  const spec = own ?? siteStyle(config, brief.meta.lang) ?? defaultStyleId(brief.meta.lang)
  return { spec, own: own !== undefined, ...findStyle(spec, own ? source.location.dir : config.contentDir, config.cslStyleDirs) }
}

function resolveStyle(source: BriefSource, config: ResolvedConfig): LoadedStyle | undefined {
  const { brief } = source
  const { spec, own, style, suggestions } = briefStyle(source, config)
  if (style) return style
  if (!own && !siteStyle(config, brief.meta.lang)) {
    throw new BriefkitError(`The default citation style \`${spec}\` is not installed`, {
      hint: 'Install Debian\'s citation-style-language-styles, or name a `.csl` file with `csl:` in brief.md.',
    })
  }
  reportError(brief.file, `Unknown citation style \`${spec}\``, own ? brief.yaml.pointAt(['csl']) : undefined, 'unknown-style', styleHint(spec, suggestions))
  return undefined
}

/**
 * The lints of one brief: text rules in every unit, an argument with no citation, figures up front
 * that the body does not have, argument kinds site.yaml requires. Before fragments' messages move
 * to their front-matter fields.
 */
function lintBrief(
  source: BriefSource,
  config: ResolvedConfig,
  { front, body, units, args }: { front: Unit[]; body: Unit[]; units: Unit[]; args: Array<{ doc: FrontMatterDoc & { meta: { kind: string } }; claim: Unit; body: Unit }> },
): void {
  for (const unit of units) lintText(config, unit)
  for (const { doc, claim, body } of args) {
    if ([claim, body].some((unit) => (unit.file.data.citations ?? []).length > 0)) continue
    lint(config, doc.file, 'uncited-argument', 'Nothing in this argument cites a source: its claim stands on nothing', doc.yaml.pointAt(['claim']),
      'Back the claim or its argument with a citation, e.g. `… [@key]`.')
  }
  lintSummaryFigures(config, front, body)
  const seen = new Set<string>()
  for (const { doc } of args) {
    if (config.requiredKinds.includes(doc.meta.kind) && seen.has(doc.meta.kind)) {
      lint(config, doc.file, 'required-kinds', `A second \`${doc.meta.kind}\` argument; site.yaml requires one of each kind`, doc.yaml.pointAt(['kind']),
        'Merge the two arguments, or give this one another kind.')
    }
    seen.add(doc.meta.kind)
  }
  const missing = config.requiredKinds.filter((kind) => !seen.has(kind))
  if (missing.length > 0) {
    lint(config, source.brief.file, 'required-kinds', `No argument of the required ${missing.length === 1 ? 'kind' : 'kinds'} ${missing.map((k) => `\`${k}\``).join(', ')}`, undefined,
      `Add ${missing.map((k) => `arguments/<n>-${k}.md with \`kind: ${k}\``).join(', ')}, or change \`requiredKinds\` in site.yaml.`)
  }
}

function warnUncited(source: BriefSource, cited: ReadonlySet<string>, config: ResolvedConfig): void {
  const { file } = source.bibliography
  if (!file) return
  for (const key of source.bibliography.items.keys()) {
    if (cited.has(key)) continue
    lint(config, file, 'uncited-reference', `\`${key}\` is in the bibliography but never cited`, source.bibliography.pointOf(key),
      'Cite it in the brief, list it under `nocite:`, or remove it from the bibliography.')
  }
}
