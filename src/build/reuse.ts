import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'

/** Where a build records what each PDF was printed from, in the out dir. */
export const pdfManifestName = '.briefkit-pdfs.json'

const version = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version

/** A PDF's cache key: a hash of everything it is printed from, and of briefkit's version. */
export function pdfKey(parts: readonly string[]): string {
  const hash = createHash('sha256').update(`briefkit ${version}\n`)
  for (const part of parts) hash.update(`${part.length}:${part}`)
  return hash.digest('hex')
}

/**
 * The keys of the PDFs of the build in `outDir`, by path. A missing manifest is an empty one; one
 * that cannot be read is discarded, and `warn` says so: a cache is never trusted blindly.
 */
export async function readPdfManifest(outDir: string, warn: (message: string) => void): Promise<Record<string, string>> {
  const file = path.join(outDir, pdfManifestName)
  const text = await fs.readFile(file, 'utf8').catch(() => undefined)
  if (text === undefined) return {}
  try {
    const parsed: unknown = JSON.parse(text)
    if (typeof parsed === 'object' && parsed !== null && Object.values(parsed).every((v) => typeof v === 'string')) return parsed as Record<string, string>
  } catch {
    // Note: handled below, as for any other unusable manifest.
  }
  warn(`${file} is damaged; every PDF is printed anew`)
  return {}
}

/**
 * Put `from` at `to` without writing it anew: a hard link keeps its bytes and its modification
 * time, so tools that sync by mtime (rsync, CDN uploads) skip it. A copy with the old times where
 * linking is not possible.
 */
export async function reuseFile(from: string, to: string): Promise<void> {
  await fs.rm(to, { force: true })
  try {
    await fs.link(from, to)
  } catch {
    await fs.copyFile(from, to)
    const { atime, mtime } = await fs.stat(from)
    await fs.utimes(to, atime, mtime)
  }
}

/** Replace each file of `staging` whose bytes equal those of the same file in `previous` by the previous one. */
export async function keepUnchanged(staging: string, previous: string): Promise<void> {
  const entries = await fs.readdir(staging, { recursive: true, withFileTypes: true })
  for (const entry of entries) {
    if (!entry.isFile()) continue
    const staged = path.join(entry.parentPath, entry.name)
    const old = path.join(previous, path.relative(staging, staged))
    const [a, b] = await Promise.all([fs.stat(staged), fs.stat(old).catch(() => undefined)])
    if (!b || a.size !== b.size || a.ino === b.ino) continue
    const [x, y] = await Promise.all([fs.readFile(staged), fs.readFile(old)])
    if (x.equals(y)) await reuseFile(old, staged)
  }
}
