import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { main } from '../../src/cli/main.ts'
import { fixturesDir } from './fixtures.ts'

/** A scratch copy of a fixture site's content folder, with an out dir beside it. */
export function copySite(name: string): { root: string; content: string; out: string } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), `briefkit-${name}-`))
  fs.cpSync(path.join(fixturesDir, 'sites', name, 'content'), path.join(root, 'content'), { recursive: true })
  return { root, content: path.join(root, 'content'), out: path.join(root, 'dist') }
}

/** Run the CLI in-process and capture what it prints. */
export async function runCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = []
  const err: string[] = []
  const code = await main(args, { out: (s) => out.push(s), err: (s) => err.push(s) })
  return { code, stdout: out.join('\n'), stderr: err.join('\n') }
}

/** Every file under a folder with its content hash and mtime, to prove a folder was left alone. */
export function snapshot(dir: string): Record<string, string> {
  const result: Record<string, string> = {}
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const file = path.join(entry.parentPath, entry.name)
    const hash = crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex')
    result[path.relative(dir, file)] = `${hash} ${fs.statSync(file).mtimeMs}`
  }
  return result
}
