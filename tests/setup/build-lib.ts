import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..', '..')

/** The newest modification time of the files under `dir` (0 when it does not exist). */
function newest(dir: string): number {
  if (!fs.existsSync(dir)) return 0
  let time = 0
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) time = Math.max(time, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs)
  }
  return time
}

/**
 * Tests run briefkit as users do, through bin/briefkit.js and the compiled lib/: build lib/ first
 * when any source is newer than it (or it is missing), so no test runs yesterday's code.
 */
export default function setup(): void {
  const built = fs.existsSync(path.join(root, 'lib', 'cli', 'run.js')) ? newest(path.join(root, 'lib')) : 0
  const sources = Math.max(
    newest(path.join(root, 'src')),
    newest(path.join(root, 'types')),
    fs.statSync(path.join(root, 'tsconfig.build.json')).mtimeMs,
  )
  if (built >= sources) return
  execFileSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { stdio: 'inherit' })
}
