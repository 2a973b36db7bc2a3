import { createHash } from 'node:crypto'
import { constants, copyFileSync, linkSync, readFileSync, statSync, utimesSync, writeFileSync, type Stats } from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import type { OutputFile } from './output.ts'

/**
 * Put a copy of `from` (a cache entry) at `to`, with its times: a reflink where the file system
 * has them, else a copy. Never a hard link: a file in the out dir written in place would change
 * the cache, and the next build would publish it (regression: a tampered PDF reused).
 */
export async function reuseFile(from: string, to: string): Promise<void> {
  await fs.rm(to, { force: true })
  await fs.copyFile(from, to, constants.COPYFILE_FICLONE)
  const { atime, mtime } = await fs.stat(from)
  await fs.utimes(to, atime, mtime)
}

/**
 * Write one output file at `dest`, unless the previous build's file `old` has the same bytes:
 * then that file is linked instead. Returns whether it was. Synchronous: a site is hundreds of
 * small files, and one call each is quicker than a round trip through the thread pool.
 */
export function placeFile(file: OutputFile, dest: string, old: string): boolean {
  const oldStat = statSync(old, { throwIfNoEntry: false })
  const size = oldStat?.size
  if ('from' in file) {
    const fromStat = statSync(file.from)
    if (oldStat && size === fromStat.size && digest(file.from, fromStat) === digest(old, oldStat)) return link(old, dest)
    copyFileSync(file.from, dest)
  } else {
    const bytes = typeof file.content === 'string' ? Buffer.from(file.content) : file.content
    if (size === bytes.length && readFileSync(old).equals(bytes)) return link(old, dest)
    writeFileSync(dest, bytes)
  }
  return false
}

// Note: a site copies hundreds of files (fonts, images) that rarely change; while a process lives
// (`briefkit dev`), each is read once, then known by its inode, size and time.
const digests = new Map<string, string>()

function digest(file: string, stat: Stats): string {
  const key = `${file}\0${stat.ino}\0${stat.size}\0${stat.mtimeMs}`
  let value = digests.get(key)
  if (value === undefined) {
    value = createHash('sha1').update(readFileSync(file)).digest('hex')
    digests.set(key, value)
  }
  return value
}

/**
 * Put the previous build's `from` at the free path `to` without writing it anew: a hard link keeps
 * its bytes and its modification time, so tools that sync by mtime (rsync, CDN uploads) skip it.
 * A copy with the old times where linking is not possible. Returns true.
 */
function link(from: string, to: string): boolean {
  try {
    linkSync(from, to)
  } catch {
    copyFileSync(from, to)
    const { atime, mtime } = statSync(from)
    utimesSync(to, atime, mtime)
  }
  return true
}

/**
 * Replace each file of `staging` not in `settled` whose bytes equal those of the same file in
 * `previous` by the previous one. Returns the paths (relative, with `/`) among them that are new or
 * changed, and those of `previous` that are gone.
 */
export async function keepUnchanged(staging: string, previous: string, settled: ReadonlySet<string>): Promise<string[]> {
  const changed: string[] = []
  const staged = await filesIn(staging)
  for (const file of staged.filter((f) => !settled.has(f))) {
    const [a, b] = [statSync(path.join(staging, file)), statSync(path.join(previous, file), { throwIfNoEntry: false })]
    if (b && a.ino === b.ino) continue
    if (b && a.size === b.size && readFileSync(path.join(staging, file)).equals(readFileSync(path.join(previous, file)))) {
      await fs.rm(path.join(staging, file), { force: true })
      link(path.join(previous, file), path.join(staging, file))
    } else {
      changed.push(file)
    }
  }
  const kept = new Set(staged)
  return [...changed, ...(await filesIn(previous)).filter((file) => !kept.has(file))]
}

/** Every file under `dir`, relative, with `/`. */
export async function filesIn(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true })
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
}
