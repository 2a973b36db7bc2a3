// npm run fuzz -- [--runs 10000] [--seed N] [--out fuzz-failure.json] [--strict] [--shrink-seconds 180]:
// generated briefs, front matter and bibliographies through compile and render, in process (no PDF, no
// browser), each case in a worker that is ended when it hangs. Prints the counts and wall time; on a new
// failure, writes fast-check's shrunk counterexample to --out and exits 1. Failures of a known bug (below)
// are counted, not stopped at, unless --strict.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { Worker } from 'node:worker_threads'
import fc from 'fast-check'
import { type SiteCase, siteCase } from '../tests/fuzz/arbitraries.ts'
import { failuresOf, timeBoundMs } from '../tests/fuzz/property.ts'
import type { CaseResult } from '../tests/fuzz/run-case.ts'

/** A bug already written to the findings, counted so that the run goes on to find the next one. */
interface KnownBug {
  id: string
  /** Matches one line of `failuresOf`. */
  pattern: RegExp
  /** What the case must hold besides, when the failure line alone cannot tell. */
  holds?: (site: SiteCase) => boolean
}

// Note: empty: the bugs fuzzing found on 2026-11-29 (F1–F14) are fixed, each pinned by a test in
// tests/fuzz/findings.test.ts. A bug found and not fixed yet goes here, with a comment, so that a run
// counts it and goes on to find the next one.
const knownBugs: KnownBug[] = []

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '20261129' },
    out: { type: 'string', default: 'fuzz-failure.json' },
    strict: { type: 'boolean', default: false },
    'shrink-seconds': { type: 'string', default: '180' },
  },
})
const runs = Number(values.runs)
const seed = Number(values.seed)
// Note: a case past the time bound is a finding; one past this is ended and counted as a hang.
const hangMs = Math.max(4 * timeBoundMs, 20_000)

/** One worker at a time, replaced when a case hangs or crashes it. */
class CaseRunner {
  private worker: Worker | undefined
  /** Where the cases' folders go: one folder for the run, removed by `close`. */
  private readonly tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'briefkit-fuzz-run-'))

  private spawn(): Worker {
    const entry = new URL('../tests/fuzz/worker.ts', import.meta.url).href
    // Note: a worker does not inherit tsx's loader; it registers it before importing the TypeScript entry.
    const code = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(entry)}) })`
    return new Worker(code, { eval: true, workerData: { tmp: this.tmp } })
  }

  run(site: SiteCase): Promise<CaseResult> {
    this.worker ??= this.spawn()
    const worker = this.worker
    return new Promise((resolve) => {
      const empty = { contentErrors: 0, briefkitError: undefined, leaks: [], rawCitations: [] }
      const done = (result: CaseResult, keep: boolean) => {
        clearTimeout(timer)
        worker.removeAllListeners('message').removeAllListeners('error')
        if (!keep) {
          void worker.terminate()
          this.worker = undefined
        }
        resolve(result)
      }
      const timer = setTimeout(() => done({ ...empty, internalError: undefined, ms: hangMs + 1 }, false), hangMs)
      worker.on('message', (m: { result?: CaseResult; crash?: string }) =>
        done(m.result ?? { ...empty, internalError: `worker: ${m.crash}`, ms: 0 }, true),
      )
      worker.on('error', (error) =>
        done({ ...empty, internalError: `uncaught in worker: ${String(error)}`, ms: 0 }, false),
      )
      worker.postMessage(site)
    })
  }

  async close(): Promise<void> {
    await this.worker?.terminate()
    fs.rmSync(this.tmp, { recursive: true, force: true })
  }
}

const counts = {
  cases: 0,
  contentErrors: 0,
  briefkitErrors: 0,
  internalErrors: 0,
  hangs: 0,
  slow: 0,
  scriptLeaks: 0,
  rawCitations: 0,
}
const known = new Map<string, number>()
let counting = true
let shrinkingSince = 0
// Note: shrinking a hang costs the hang time per try; after this budget the smallest failure so far is reported.
const shrinkBudgetMs = Number(values['shrink-seconds']) * 1000
const runner = new CaseRunner()
const start = performance.now()

const property = fc.asyncProperty(siteCase('large'), async (site) => {
  if (!counting && performance.now() - shrinkingSince > shrinkBudgetMs) return
  const result = await runner.run(site)
  const failures = failuresOf(result, site)
  const isKnown = (bug: KnownBug, failure: string) => bug.pattern.test(failure) && (bug.holds?.(site) ?? true)
  const unknown = values.strict ? failures : failures.filter((f) => !knownBugs.some((b) => isKnown(b, f)))
  // Note: fast-check runs the property again while shrinking; only the first pass over the runs is counted.
  if (counting) {
    counts.cases++
    if (result.contentErrors > 0) counts.contentErrors++
    if (result.briefkitError) counts.briefkitErrors++
    if (result.internalError) counts.internalErrors++
    if (result.ms > hangMs) counts.hangs++
    else if (result.ms > timeBoundMs) counts.slow++
    if (result.leaks.length > 0) counts.scriptLeaks++
    if (result.rawCitations.length > 0) counts.rawCitations++
    const ids = new Set(knownBugs.filter((bug) => failures.some((f) => isKnown(bug, f))).map((bug) => bug.id))
    for (const id of ids) known.set(id, (known.get(id) ?? 0) + 1)
    if (counts.cases % 250 === 0) {
      const seconds = ((performance.now() - start) / 1000).toFixed(0)
      console.log(`${counts.cases}/${runs} cases, ${seconds} s: ${JSON.stringify(counts)}`)
    }
    if (unknown.length > 0) {
      counting = false
      shrinkingSince = performance.now()
      console.log(`Failure at case ${counts.cases}; shrinking:\n  ${unknown.join('\n  ')}`)
    }
  }
  if (unknown.length > 0) throw new Error(unknown.join('\n'))
})

const details = await fc.check(property, { numRuns: runs, seed })
await runner.close()
const seconds = ((performance.now() - start) / 1000).toFixed(1)
console.log(`\nnpm run fuzz -- --runs ${runs} --seed ${seed}${values.strict ? ' --strict' : ''}`)
console.log(
  `cases ${counts.cases}, content errors ${counts.contentErrors}, BriefkitErrors ${counts.briefkitErrors}, internal errors ${counts.internalErrors}, ` +
    `hangs ${counts.hangs}, over ${timeBoundMs} ms ${counts.slow}, script leaks ${counts.scriptLeaks}, raw citations ${counts.rawCitations}; ${seconds} s`,
)
for (const [id, n] of known) console.log(`  known bug ${id}: ${n} cases`)
if (details.failed) {
  const out = path.resolve(values.out)
  const [counterexample] = details.counterexample ?? []
  fs.writeFileSync(
    out,
    JSON.stringify(
      { seed, path: details.counterexamplePath, report: fc.defaultReportMessage(details), counterexample },
      null,
      2,
    ),
  )
  console.log(`\nNew failure: the shrunk counterexample is in ${out}`)
  process.exitCode = 1
}
