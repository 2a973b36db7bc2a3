import type { ResolvedConfig } from '../config/resolve.ts'
import type { BriefSource } from '../content/load-brief.ts'
import type { MarkdownDoc } from '../content/markdown-file.ts'
import type { ArgumentMeta } from '../core/front-matter.ts'
import { type LintUnit, lint, lintSummaryFigures, lintText } from './lints.ts'
import { lintPlaceholders } from './placeholder-text.ts'
import { lintRelations } from './relations.ts'
import { lintUncitedFigures } from './uncited-figures.ts'

/** A brief's markdown as the lints over a whole brief see it. */
export interface LintedBrief {
  /** The summary and key findings. */
  front: readonly LintUnit[]
  /** The introduction, arguments and conclusion. */
  body: readonly LintUnit[]
  /** Every unit. */
  units: readonly LintUnit[]
  /** The errata, which name the figure they correct without citing it again. */
  errata: readonly LintUnit[]
  args: ReadonlyArray<{ doc: MarkdownDoc<ArgumentMeta>; claim: LintUnit; body: LintUnit }>
}

/**
 * The lints of one brief: text rules and uncited figures in every unit, placeholders left from `briefkit new`, an argument with no citation, figures up front
 * that the body does not have, argument kinds site.yaml requires, the argument map's relations and objections. Run before the messages of
 * front-matter fields move to their fields.
 */
export function lintBrief(
  source: BriefSource,
  config: Pick<ResolvedConfig, 'lint' | 'requiredKinds'>,
  { front, body, units, errata, args }: LintedBrief,
): void {
  for (const unit of units) {
    lintText(config, unit)
    if (!errata.includes(unit)) lintUncitedFigures(config, unit, source.brief.meta.lang)
  }
  for (const { doc, claim, body } of args) {
    if ([claim, body].some((unit) => (unit.file.data.citations ?? []).length > 0)) continue
    lint(
      config,
      doc.file,
      'uncited-argument',
      'Nothing in this argument cites a source: its claim stands on nothing',
      doc.yaml.pointAt(['claim']),
      'Back the claim or its argument with a citation, e.g. `… [@key]`.',
    )
  }
  lintSummaryFigures(config, front, body)
  lintPlaceholders(source, config, units)
  lintRelations(
    config,
    args.map((a) => a.doc),
    units,
  )
  const seen = new Set<string>()
  for (const { doc } of args) {
    if (config.requiredKinds.includes(doc.meta.kind) && seen.has(doc.meta.kind)) {
      lint(
        config,
        doc.file,
        'required-kinds',
        `A second \`${doc.meta.kind}\` argument; site.yaml requires one of each kind`,
        doc.yaml.pointAt(['kind']),
        'Merge the two arguments, or give this one another kind.',
      )
    }
    seen.add(doc.meta.kind)
  }
  const missing = config.requiredKinds.filter((kind) => !seen.has(kind))
  if (missing.length > 0) {
    lint(
      config,
      source.brief.file,
      'required-kinds',
      `No argument of the required ${missing.length === 1 ? 'kind' : 'kinds'} ${missing.map((k) => `\`${k}\``).join(', ')}`,
      undefined,
      `Add ${missing.map((k) => `arguments/<n>-${k}.md with \`kind: ${k}\``).join(', ')}, or change \`requiredKinds\` in site.yaml.`,
    )
  }
}

/** Each work of the bibliography that the brief never cites (`uncited-reference`), at its entry. */
export function lintUncited(
  source: BriefSource,
  cited: ReadonlySet<string>,
  config: Pick<ResolvedConfig, 'lint'>,
): void {
  const { file } = source.bibliography
  if (!file) return
  for (const key of source.bibliography.items.keys()) {
    if (cited.has(key)) continue
    lint(
      config,
      file,
      'uncited-reference',
      `\`${key}\` is in the bibliography but never cited`,
      source.bibliography.pointOf(key),
      'Cite it in the brief, list it under `nocite:`, or remove it from the bibliography.',
    )
  }
}
