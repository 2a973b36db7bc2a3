import { execFile } from 'node:child_process'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'

const cli = createRequire(import.meta.url).resolve('@argdown/cli')

/** A statement's equivalence class or an argument, with its texts. */
export interface Element {
  members?: Array<{ text?: string }>
  descriptions?: Array<{ text?: string }>
}

export interface ArgdownJson {
  statements: Record<string, Element>
  arguments: Record<string, Element>
  relations: Array<{ from: string; to: string; relationType: string }>
}

/** What the real `@argdown/cli` 1.7 reads from a file: `argdown json <file> --stdout`, run in a scratch folder. */
export async function parsed(text: string): Promise<ArgdownJson> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'briefkit-argdown-'))
  fs.writeFileSync(path.join(dir, 'map.argdown'), text)
  const { stdout } = await promisify(execFile)(process.execPath, [cli, 'json', 'map.argdown', '--stdout', '--silent'], {
    cwd: dir,
    maxBuffer: 16 << 20,
  })
  return JSON.parse(stdout) as ArgdownJson
}
