// The corpus bench's figures as text: medians, the stage shares from `--timings`, tables (plain and markdown).
import { otherTime, partOf, type StageTimes, stages } from '../src/reporting/timings.ts'

/** The median (the lower middle one of an even count); 0 of nothing. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? 0
}

/** Each stage's share of a build, as `compile 52% (citations 33%), pages 13%, …`, the stages that took no time left out. */
export function stageShares(times: StageTimes): string {
  const pct = (ms: number) => `${times.total > 0 ? Math.round((100 * ms) / times.total) : 0}%`
  const parts: string[] = []
  for (const stage of stages) {
    if (partOf[stage] || times.stages[stage] < 0.5) continue
    const inner = stages.filter((s) => partOf[s] === stage && times.stages[s] >= 0.5)
    const within = inner.map((s) => `${s} ${pct(times.stages[s])}`).join(', ')
    parts.push(`${stage} ${pct(times.stages[stage])}${within ? ` (${within})` : ''}`)
  }
  parts.push(`other ${pct(otherTime(times))}`)
  return parts.join(', ')
}

/** Milliseconds as `850 ms` or `12.3 s`. */
export function duration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(ms < 100_000 ? 2 : 1)} s`
}

/** Bytes as `1.23 GB` or `456 MB`. */
export function bytes(n: number): string {
  return n >= 1e9 ? `${(n / 1e9).toFixed(2)} GB` : `${Math.round(n / 1e6)} MB`
}

/** A markdown table (what docs/benchmarks.md holds), cells as given. */
export function markdownTable(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n')
}
