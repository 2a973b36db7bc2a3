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
import { siteCase, type SiteCase } from '../tests/fuzz/arbitraries.ts'
import { failuresOf, sourcesOf, timeBoundMs } from '../tests/fuzz/property.ts'
import type { CaseResult } from '../tests/fuzz/run-case.ts'

/** A bug already written to the findings, counted so that the run goes on to find the next one. */
interface KnownBug {
  id: string
  /** Matches one line of `failuresOf`. */
  pattern: RegExp
  /** What the case must hold besides, when the failure line alone cannot tell. */
  holds?: (site: SiteCase) => boolean
}

// Note: `\\n` and `"` as line starts, for markdown inside a front-matter string.
const htmlBlockCites = /(?:^|\\n|")[ \t]{0,3}<(?:\/?[a-z][a-z\d-]*|!--)(?:(?!\n[ \t]*\n|\\n\\n)[^])*?\[@/im
const linkTextCites = /(?<!!)\[[^[\]\n]*\[@[^[\]\n]*\][^[\]\n]*\]\(/

/** Whether a file's front matter has `[@` in a field other than those whose citations are rendered. */
function citesInPlainField(file: string): boolean {
  const frontMatter = /^\ufeff?---\r?\n([\s\S]*?)\r?\n---/.exec(file)?.[1] ?? ''
  return /^(?!summary:|claim:|keyFindings:|recommendations:)\S+:.*\[@/m.test(frontMatter)
}

/** Whether a file opens a raw-text HTML element that it never closes. */
function opensRawText(file: string): boolean {
  return ['plaintext', 'textarea', 'xmp', 'noembed', 'noframes', 'title', 'style', 'iframe']
    .some((tag) => new RegExp(`<${tag}\\b`, 'i').test(file) && !new RegExp(`</${tag}\\s*>`, 'i').test(file))
}

const knownBugs: KnownBug[] = [
  // F1: an unresolved YAML alias (`title: *nope`) in front matter escapes from yaml's toJS (src/content/yaml.ts).
  { id: 'F1 unresolved YAML alias', pattern: /^internal: ReferenceError: Unresolved alias/ },
  // F2: an image path with a bad percent escape (`100%.png`) makes decodeURI throw in src/plugins/remark-images.ts.
  { id: 'F2 decodeURI of image path', pattern: /^internal: URIError: URI malformed[\s\S]*remark-images/ },
  // F3: a CSL-YAML/JSON field of the wrong type (`title: 1984`) reaches citeproc unchecked (src/citations/render.ts).
  { id: 'F3 CSL field of the wrong type', pattern: /^internal: TypeError: value\.match is not a function/ },
  // F4: a citation in a plain-text front-matter field (title, subtitle, tags) is shown raw with no message.
  { id: 'F4 citation in a plain-text field', pattern: /^raw-citation:/, holds: (site) => sourcesOf(site).some(citesInPlainField) },
  // F5: raw-text HTML elements (`<xmp>`, `<textarea>`, `<plaintext>`, ...) turn the rest of the paragraph or file into text.
  { id: 'F5 raw-text HTML element', pattern: /^raw-citation:/, holds: (site) => sourcesOf(site).some(opensRawText) },
  // F6: a malformed citation (`[@]`, `[@ key]`, `[@@key]`, `[@{key}]`) is shown raw with no message (src/plugins/remark-citations.ts).
  { id: 'F6 malformed citation', pattern: /^raw-citation:.* >>\[@(?:[\s@{\]]|$)/ },
  // F7: a citation inside an HTML block (from a line starting with a block tag or `<!--` to the next blank line, also in a
  // `claim:` or `summary:`) is passed through raw, never rendered.
  { id: 'F7 citation in an HTML block', pattern: /^raw-citation:/, holds: (site) => sourcesOf(site).some((f) => htmlBlockCites.test(f)) },
  // F8: a citation inside a link's text is shown raw (a citation link cannot nest in a link), no message.
  { id: 'F8 citation in link text', pattern: /^raw-citation:/, holds: (site) => sourcesOf(site).some((f) => linkTextCites.test(f)) },
  // F14: a leading U+FEFF (a file saved with a BOM, or a front-matter string) shifts the offsets remark-citations
  // slices the source by, and a citation that ends its paragraph is dropped silently.
  { id: 'F14 BOM shifts citation offsets', pattern: /^raw-citation:/, holds: (site) => sourcesOf(site).some((f) => /^\ufeff|"\ufeff|\["\ufeff/m.test(f)) },
  // F9: nesting of a few thousand (`<div>`, `> `, `1. `) overflows the stack (in the list).
  { id: 'F9 stack overflow on deep nesting', pattern: /^internal: RangeError: Maximum call stack size exceeded/ },
  // F9 too: `1. ` or `> ` repeated thousands of times can take over 10 s before it overflows, or without overflowing.
  { id: 'F9 stack overflow on deep nesting', pattern: /^slow:/, holds: (site) => /(?:1\. |> ){500}/.test(site.brief) },
  // F10: unclosed container directives nest, and micromark's subtokenize grows faster than quadratic with depth.
  { id: 'F10 nested directives slow', pattern: /^slow:/, holds: (site) => /(?::::a\n){200}/.test(site.brief) },
  // F11: `[@x` repeated on one line is quadratic in micromark's resolveAllText.
  { id: 'F11 repeated [@x slow', pattern: /^slow:/, holds: (site) => /(?:\[@x){500}/.test(site.brief) },
  // F12: `](` repeated is quadratic in micromark-extension-gfm-footnote (in the list).
  { id: 'F12 repeated ]( slow', pattern: /^slow:/, holds: (site) => /(?:\]\(){500}/.test(site.brief) },
  // F13: `**x` or `*x` repeated is quadratic in micromark-extension-cjk-friendly (in the list).
  { id: 'F13 repeated *x slow', pattern: /^slow:/, holds: (site) => /(?:\*\*?x){500}/.test(site.brief) },
]

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
    const worker = (this.worker ??= this.spawn())
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
        done(m.result ?? { ...empty, internalError: `worker: ${m.crash}`, ms: 0 }, true))
      worker.on('error', (error) => done({ ...empty, internalError: `uncaught in worker: ${String(error)}`, ms: 0 }, false))
      worker.postMessage(site)
    })
  }

  async close(): Promise<void> {
    await this.worker?.terminate()
    fs.rmSync(this.tmp, { recursive: true, force: true })
  }
}

const counts = { cases: 0, contentErrors: 0, briefkitErrors: 0, internalErrors: 0, hangs: 0, slow: 0, scriptLeaks: 0, rawCitations: 0 }
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
console.log(`cases ${counts.cases}, content errors ${counts.contentErrors}, BriefkitErrors ${counts.briefkitErrors}, internal errors ${counts.internalErrors}, ` +
  `hangs ${counts.hangs}, over ${timeBoundMs} ms ${counts.slow}, script leaks ${counts.scriptLeaks}, raw citations ${counts.rawCitations}; ${seconds} s`)
for (const [id, n] of known) console.log(`  known bug ${id}: ${n} cases`)
if (details.failed) {
  const out = path.resolve(values.out)
  const [counterexample] = details.counterexample ?? []
  fs.writeFileSync(out, JSON.stringify({ seed, path: details.counterexamplePath, report: fc.defaultReportMessage(details), counterexample }, null, 2))
  console.log(`\nNew failure: the shrunk counterexample is in ${out}`)
  process.exitCode = 1
}
