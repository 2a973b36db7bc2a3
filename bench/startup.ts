// npx tsx bench/startup.ts [--runs 10] [--before DIR]: how long `briefkit --help` and `briefkit check` take as whole
// processes, each way briefkit can be started (its sources through tsx, bin/briefkit.js, and the
// compiled lib/ when there is one; with --before, the bin/briefkit.js of another checkout, e.g. a worktree of
// an older commit), median of N runs each; then which heavy packages each command loads.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { heavyLoaded, heavyPackages, moduleLogHook } from './loaded-packages.ts'

const { values } = parseArgs({ options: { runs: { type: 'string', default: '10' }, before: { type: 'string' } } })
const runs = Number(values.runs)
const root = path.resolve(import.meta.dirname, '..')

/** Node arguments that start briefkit one way; the command's own arguments follow. */
interface Way {
  name: string
  node: string[]
  /** Where it runs, its `content/` the sample it checks. @default the repository */
  cwd?: string
}

// Note: "today's way" is what bin/briefkit.js did before lib/: register tsx, import src/cli/main.ts.
const tsxEntry = `import { register } from 'tsx/esm/api'
register()
const { main } = await import(${JSON.stringify(pathToFileURL(path.join(root, 'src/cli/main.ts')).href)})
process.exitCode = await main(process.argv.slice(1))`

const ways: Way[] = [
  { name: 'tsx (sources)', node: ['--input-type=module', '-e', tsxEntry, '--'] },
  { name: 'bin/briefkit.js', node: [path.join(root, 'bin', 'briefkit.js')] },
]
if (values.before) {
  const before = path.resolve(values.before)
  ways.unshift({ name: 'before', node: [path.join(before, 'bin', 'briefkit.js')], cwd: before })
}
const libRun = path.join(root, 'lib', 'cli', 'run.js')
const libMain = path.join(root, 'lib', 'cli', 'main.js')
if (fs.existsSync(libRun)) ways.push({ name: 'lib/cli/run.js', node: [libRun] })
else if (fs.existsSync(libMain)) {
  const entry = `const { main } = await import(${JSON.stringify(pathToFileURL(libMain).href)})
process.exitCode = await main(process.argv.slice(1))`
  ways.push({ name: 'lib/cli/main.js', node: ['--input-type=module', '-e', entry, '--'] })
}

// Note: `new` writes a brief, so it runs on a scratch copy of the sample.
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'briefkit-startup-'))
fs.cpSync(path.join(root, 'content'), path.join(scratch, 'content'), { recursive: true })
let newSlugs = 0

const commands: Array<{ name: string; args: () => string[] }> = [
  { name: '--help', args: () => ['--help'] },
  { name: 'check', args: () => ['check', '--content', 'content'] },
  { name: 'check --no-pdf', args: () => ['check', '--no-pdf', '--content', 'content'] },
  { name: 'new', args: () => ['new', `startup-${++newSlugs}`, '--content', path.join(scratch, 'content')] },
]

/** Run one process to its end; its wall time in seconds. */
function run(way: Way, args: string[], env: NodeJS.ProcessEnv = {}): number {
  const started = performance.now()
  const result = spawnSync(process.execPath, [...way.node, ...args], {
    cwd: way.cwd ?? root,
    env: { ...process.env, ...env },
    encoding: 'utf8',
  })
  const seconds = (performance.now() - started) / 1000
  if (result.status !== 0)
    throw new Error(`${way.name} ${args.join(' ')} exited ${result.status}:\n${result.stderr.slice(-2000)}`)
  return seconds
}

const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2
}

// Note: warm: one check first fills the build cache (compiled briefs, glyph coverage), as a second run finds it.
for (const way of ways) run(way, ['check', '--content', 'content'])

const medians = new Map<string, number>()
for (const command of commands) {
  for (const way of ways) {
    const times = Array.from({ length: runs }, () => run(way, command.args()))
    medians.set(`${command.name}\t${way.name}`, median(times))
  }
}

const base = ways[0]?.name ?? ''
const header = ['command', ...ways.map((w) => `${w.name} (s)`), ...ways.slice(1).map((w) => `${w.name} / ${base}`)]
const rows = commands.map((command) => {
  const of = (way: Way) => medians.get(`${command.name}\t${way.name}`) ?? Number.NaN
  const baseline = medians.get(`${command.name}\t${base}`) ?? Number.NaN
  return [
    command.name,
    ...ways.map((w) => of(w).toFixed(3)),
    ...ways.slice(1).map((w) => `${(of(w) / baseline).toFixed(2)}×`),
  ]
})
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)))
const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ')
console.log(`node ${process.version}, ${os.availableParallelism()} cores, median of ${runs} processes each`)
console.log(line(header))
for (const row of rows) console.log(line(row))

console.log(`\nheavy packages loaded (of: ${heavyPackages.join(', ')})`)
for (const way of ways) {
  for (const command of commands) {
    const log = path.join(scratch, `modules-${Math.random().toString(36).slice(2)}.txt`)
    run({ ...way, node: ['--import', moduleLogHook, ...way.node] }, command.args(), { BRIEFKIT_MODULE_LOG: log })
    const heavy = heavyLoaded(fs.readFileSync(log, 'utf8'))
    console.log(`${way.name.padEnd(16)} ${command.name.padEnd(15)} ${heavy.join(', ') || '(none)'}`)
  }
}

fs.rmSync(scratch, { recursive: true, force: true })
