import { createHash } from 'node:crypto'
import fs from 'node:fs'
import { renderCitations } from '../citations/render.ts'
import type { ResolvedConfig } from '../config/resolve.ts'
import type { BriefSource } from '../content/load-brief.ts'
import type { CompiledBrief, SourceText } from '../core/compiled.ts'
import { labelSlot } from '../core/labels.ts'
import { briefPagePath } from '../core/paths.ts'
import { lintBrief, lintUncited } from '../lint/brief.ts'
import { internalLinks } from '../lint/links.ts'
import { reportUnknown } from '../plugins/remark-citations.ts'
import { hasErrors } from '../reporting/messages.ts'
import { timed } from '../reporting/timings.ts'
import { buildArgumentMap } from './argument-map.ts'
import { citeThis } from './cite-this.ts'
import { numberTargets } from './cross-references.ts'
import { markdownToHtml, smartText, transformMarkdown, typesetMarkdown } from './markdown.ts'
import { plainText } from './plain-text.ts'
import { resolveStyle } from './style.ts'
import { briefUnits, moveMessages, refuseCitationsInPlainText, type Unit } from './units.ts'

/** How to compile. */
export interface CompileOptions {
  /** PDFs will be printed from the result: warn about what they leave out (remote images). */
  pdf: boolean
}

/**
 * Turn a brief's validated source into HTML fragments: check and render citations across all its
 * files in reading order, then each file to sanitized HTML. Words the theme chooses are label slots
 * (`core/labels.ts`), filled when pages are rendered. Returns undefined when there were errors
 * (they are messages on the source's files).
 */
export function compileBrief(
  source: BriefSource,
  config: ResolvedConfig,
  { pdf }: CompileOptions,
): CompiledBrief | undefined {
  const { brief, bibliography } = source
  const { meta: written } = brief
  const smart = <T extends string | undefined>(text: T): T =>
    text === undefined ? text : (smartText(text, written.lang) as T)
  // Note: titles are plain text, shown on pages, in feeds and the PDF's metadata; tags stay as written (they name pages).
  const meta = {
    ...written,
    title: smart(written.title),
    subtitle: smart(written.subtitle),
  }
  // Note: when the bibliography has errors, every citation would look unknown; its own errors say enough.
  const citationKeys =
    bibliography.file && hasErrors([bibliography.file]) ? undefined : new Set(bibliography.items.keys())
  const style = resolveStyle(source, config)

  const units = briefUnits(source)
  const { summary, findings, thesis, intro, args, conclusion, recommendations, errata, all } = units
  const argumentOf = new Map(args.map((a) => [a.body, a.doc.meta.id]))
  for (const unit of all) {
    const argument = argumentOf.get(unit)
    transformMarkdown(unit.tree, unit.file, {
      citationKeys,
      contentDir: config.contentDir,
      pdf,
      lang: meta.lang,
      argument,
    })
  }
  // Note: a section's title, which cross-references to it show, is taken as written by remark-heading-ids.
  for (const target of all.flatMap((unit) => unit.file.data.targets ?? [])) {
    if (target.title !== undefined) target.title = smart(target.title)
  }
  const charts = numberTargets(units, config)
  lintBrief(source, config, {
    front: [summary, ...findings, ...(thesis ? [thesis] : [])],
    body: [intro, ...args.flatMap((a) => [a.claim, a.body]), ...(conclusion ? [conclusion] : [])],
    units: all,
    errata,
    args,
  })
  for (const unit of all) moveMessages(unit)
  // Note: typography after the lints, which find their places by walking a text's value along its source.
  for (const unit of all) typesetMarkdown(unit.tree, meta.lang)
  // Note: a chart's title and description (its SVG's <title> and <desc>) are plain text, from its spec or alt text.
  for (const { chart } of charts) {
    chart.title = smart(chart.title)
    chart.description = smart(chart.description)
  }
  refuseCitationsInPlainText(source)
  if (citationKeys) {
    meta.nocite.forEach((key, i) => {
      if (!citationKeys.has(key)) reportUnknown(brief.file, key, citationKeys, brief.yaml.pointAt(['nocite', i]))
    })
  }
  if (!style || !citationKeys || hasErrors([brief.file, ...all.map((u) => u.file)])) return undefined

  const references = timed('citations', () =>
    renderCitations(
      all.map((u) => u.file),
      style,
      bibliography.items,
      meta.lang,
      {
        nocite: meta.nocite,
        backLabel: labelSlot('citedAt'),
      },
    ),
  )
  lintUncited(source, new Set(references.map((r) => r.id)), config)

  // Note: before the HTML is made: remark-rehype may change the trees the map reads its text from.
  const argumentMap = buildArgumentMap(units, references, meta.title)
  const pagePath = briefPagePath({ lang: meta.lang, slug: source.location.slug })
  const html = (unit: Unit, linkBase?: string) =>
    markdownToHtml(unit.tree, unit.file, {
      idPrefix: unit.idPrefix,
      footnoteLabel: labelSlot('footnotes'),
      footnoteBackLabel: labelSlot('backToContent'),
      inline: unit.owner !== undefined,
      ...(linkBase ? { linkBase } : {}),
    })
  return {
    slug: source.location.slug,
    sourcePath: brief.file.path,
    lang: meta.lang,
    meta,
    summaryHtml: html(summary),
    homeSummaryHtml: html(summary, pagePath),
    summaryText: plainText(summary.tree),
    keyFindingsHtml: findings.map((unit) => html(unit)),
    ...(thesis ? { thesisHtml: html(thesis) } : {}),
    introHtml: html(intro),
    arguments: args.map((a) => ({
      id: a.id,
      kind: a.doc.meta.kind,
      title: smart(a.doc.meta.title),
      claimHtml: html(a.claim),
      listClaimHtml: html(a.claim, pagePath),
      html: html(a.body),
    })),
    conclusion:
      conclusion && source.conclusion
        ? { title: smart(source.conclusion.meta.title), html: html(conclusion) }
        : undefined,
    recommendationsHtml: recommendations.map((unit) => html(unit)),
    errata: meta.errata
      .map((erratum, i) => ({ date: erratum.date, html: errata[i] ? html(errata[i]) : '' }))
      // Note: newest first; a stable sort keeps same-day errata in the order written.
      .sort((a, b) => b.date.localeCompare(a.date)),
    references,
    citeThis: citeThis(source, meta, config, style, plainText(summary.tree)),
    numeric: style.numeric,
    assets: [
      ...all.flatMap((u) => u.file.data.assets ?? []),
      ...charts.flatMap(({ chart }) => (chart.dataFile ? [chart.dataFile] : [])),
    ],
    charts: charts.map(({ chart }) => chart),
    inputs: charts
      .flatMap(({ chart, specFile }) => [specFile, ...(chart.dataFile ? [chart.dataFile.from] : [])])
      .map((file) => ({ path: file, hash: fileHash(file) })),
    links: all.flatMap((u) => internalLinks(u.tree, u.file, u.owner ? u.file.data.yamlPoint : undefined)),
    sources: sourceTexts(source),
    argumentMap,
  }
}

/** A hash of a file's bytes, or '' when it cannot be read. */
export function fileHash(file: string): string {
  try {
    return createHash('sha256').update(fs.readFileSync(file)).digest('hex')
  } catch {
    return ''
  }
}

/** The text of the brief's markdown files: brief.md, conclusion.md, then the arguments by file name. */
function sourceTexts(source: BriefSource): SourceText[] {
  const args = source.arguments.map((doc) => doc.file).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  return [source.brief.file, ...(source.conclusion ? [source.conclusion.file] : []), ...args].map((file) => ({
    path: file.path,
    text: String(file.value ?? ''),
  }))
}
