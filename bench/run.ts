// npm run bench [-- ARGS]: the PDF, chart and map benches, ARGS going to bench/pdf.ts; or, with
// `--corpus N`, the corpus bench alone (bench/corpus-bench.ts), ARGS going to it.
import { spawnSync } from 'node:child_process'
import path from 'node:path'

const args = process.argv.slice(2)
const benches = args.some((a) => a === '--corpus' || a.startsWith('--corpus='))
  ? [['corpus-bench.ts', args]]
  : [
      ['pdf.ts', args],
      ['charts.ts', []],
      ['map.ts', []],
    ]
for (const [file, given] of benches as [string, string[]][]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, file), ...given], {
    stdio: 'inherit',
  })
  if (run.status !== 0) process.exit(run.status ?? 1)
}
