import path from 'node:path'
import { closest, distance } from 'fastest-levenshtein'
import type { Heading } from 'mdast'
import { visit } from 'unist-util-visit'
import type { ResolvedConfig } from '../config/resolve.ts'
import { chartSlot } from '../core/chart-slots.ts'
import type { Chart, Target } from '../core/compiled.ts'
import { labelSlot } from '../core/labels.ts'
import { lint } from '../lint/lints.ts'
import { reportError } from '../reporting/messages.ts'
import type { BriefUnits, Unit } from './units.ts'

/**
 * Number a brief's figures and tables in reading order across all its files, and its sections by
 * argument (`## Costs {#sec-costs}` in the second argument is 2.1); label every cross-reference
 * ("Figure 1", "图 1", "第 2.1 节"); give each chart its slot. Unknown and doubled ids are errors,
 * figures without a source and figures nothing refers to are lint findings. Returns the charts in
 * the order of their slots, with the real paths of their specs.
 */
export function numberTargets(
  units: BriefUnits,
  config: Pick<ResolvedConfig, 'lint'>,
): Array<{ chart: Chart; specFile: string }> {
  const counts = { fig: 0, tbl: 0 }
  const targets = new Map<string, { target: Target; unit: Unit; number: string | undefined }>()
  const sections = sectionNumbers(units)
  for (const unit of units.all) {
    for (const target of unit.file.data.targets ?? []) {
      const seen = targets.get(target.id)
      if (seen) {
        reportDuplicate(seen.unit, seen.target, unit, target)
        reportDuplicate(unit, target, seen.unit, seen.target)
        continue
      }
      let number: string | undefined
      if (target.kind === 'sec') number = sections.get(target)
      else {
        counts[target.kind] += 1
        number = String(counts[target.kind])
        target.label.value = labelSlot(target.kind === 'fig' ? 'figureCaption' : 'tableCaption', number)
      }
      targets.set(target.id, { target, unit, number })
    }
  }

  const referenced = new Set<string>()
  const ids = [...targets.keys()]
  for (const unit of units.all) {
    for (const reference of unit.file.data.crossReferences ?? []) {
      const found = targets.get(reference.id)
      if (!found) {
        const nearest = ids.length > 0 ? closest(reference.id, ids) : undefined
        const close = nearest !== undefined && distance(reference.id, nearest) <= Math.max(2, reference.id.length / 3)
        reportError(
          unit.file,
          `Unknown cross-reference \`@${reference.id}\``,
          reference.position?.start,
          'unknown-cross-reference',
          close
            ? `Did you mean \`@${nearest}\`?`
            : 'Give the figure, table or section this id: `![Caption](file){#fig-x}`, `: Caption {#tbl-x}`, `## Title {#sec-x}`.',
        )
        continue
      }
      referenced.add(reference.id)
      const { target, number } = found
      const name = target.kind === 'fig' ? 'figure' : target.kind === 'tbl' ? 'table' : 'section'
      reference.label.value =
        number === undefined ? (target.title ?? reference.id) : reference.bare ? number : labelSlot(name, number)
    }
  }

  for (const { target, unit } of targets.values()) {
    if (target.kind === 'sec') continue
    const what = target.kind === 'fig' ? 'Figure' : 'Table'
    if (!target.cited) {
      lint(
        config,
        unit.file,
        'figure-source',
        `${what} \`${target.id}\` says nowhere where its figures come from`,
        target.position?.start,
        'Cite the source in its caption, or give it one: `{#fig-x source="[@key]"}`.',
      )
    }
    if (!referenced.has(target.id)) {
      lint(
        config,
        unit.file,
        'unreferenced-figure',
        `${what} \`${target.id}\` is never referred to in the text`,
        target.position?.start,
        `Point the reader to it where the text discusses it: \`@${target.id}\`.`,
      )
    }
  }

  const charts = units.all.flatMap((unit) => unit.file.data.charts ?? [])
  charts.forEach(({ slot }, index) => {
    slot.value = chartSlot(index)
  })
  return charts
}

function reportDuplicate(unit: Unit, target: Target, otherUnit: Unit, other: Target): void {
  const where = `${path.basename(otherUnit.file.path)}${other.position ? `:${other.position.start.line}` : ''}`
  reportError(
    unit.file,
    `The id \`${target.id}\` is given twice`,
    target.position?.start,
    'duplicate-id',
    `Also given at ${where}; each figure, table and section needs its own id.`,
  )
}

/** The number of each section target: argument N's k-th `##` heading is N.k, its `###` under that N.k.m. */
function sectionNumbers(units: BriefUnits): Map<Target, string> {
  const numbers = new Map<Target, string>()
  units.args.forEach((arg, i) => {
    const byId = new Map((arg.body.file.data.targets ?? []).filter((t) => t.kind === 'sec').map((t) => [t.id, t]))
    const counters: number[] = []
    visit(arg.body.tree, 'heading', (heading: Heading) => {
      const level = Math.max(0, heading.depth - 2)
      counters.length = level + 1
      counters[level] = (counters[level] ?? 0) + 1
      for (let l = 0; l < level; l++) counters[l] ??= 1
      const id = heading.data?.hProperties?.['id']
      const target = typeof id === 'string' ? byId.get(id) : undefined
      if (target) numbers.set(target, [i + 1, ...counters].join('.'))
    })
  })
  return numbers
}
