import { createHash } from 'node:crypto'
import {
  constants,
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  type Stats,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import { environmentError, UsageError } from '../reporting/errors.ts'
import { timed } from '../reporting/timings.ts'
import { track, untrack } from './leftovers.ts'
import { lockOutDir } from './lock.ts'

/** The file that marks a folder as briefkit's output, so a build never replaces anything else. */
export const outputMarker = '.briefkit-output'

/** A file of the built site: text or bytes to write, or a file to copy. */
export type OutputFile = { path: string; content: string | Uint8Array } | { path: string; from: string }

/** A site written to a staging folder beside the out dir, not yet in its place. */
export interface StagedOutput {
  /** The staging folder: stages after writing (the search index, the PDFs) add their files here. */
  dir: string
  /**
   * Swap it in for the out dir. Files whose bytes did not change are the old files (hard links), so
   * their modification times stay. Returns the paths that are new, changed or gone (every path when
   * there was no site before). `signal` aborting before the swap discards it.
   */
  commit(signal?: AbortSignal): Promise<string[]>
  /** Remove it, leaving the out dir as it was. */
  discard(): Promise<void>
}

/**
 * Write the whole site to a fresh folder next to `outDir`, to be completed and then committed (or
 * discarded). A failure at any point, or `signal` aborting, leaves an existing `outDir` exactly as
 * it was and no staging folder behind; an error of the machine (full disk, read-only folder) is a
 * BriefkitError naming the path. The caller holds the out dir's lock (`lockOutDir`).
 */
export async function stageOutput(
  outDir: string,
  files: readonly OutputFile[],
  signal?: AbortSignal,
): Promise<StagedOutput> {
  const target = path.resolve(outDir)
  const stamp = `${process.pid}-${Date.now()}`
  const staging = `${target}.briefkit-tmp-${stamp}`
  const previous = `${target}.briefkit-old-${stamp}`
  const settled = new Set<string>()
  const written: string[] = []
  let hasPrevious = false
  track(staging)
  const discard = async () => {
    await fs.rm(staging, { recursive: true, force: true }).catch(() => undefined)
    untrack(staging)
  }
  const failed = async (error: unknown): Promise<never> => {
    await discard()
    throw environmentError(error, 'write the site to', staging)
  }
  try {
    await fs.mkdir(path.dirname(target), { recursive: true })
    await removeStale(target)
    await fs.mkdir(staging)
    hasPrevious = existsSync(target)
    for (const file of files) {
      signal?.throwIfAborted()
      const dest = path.join(staging, file.path)
      if (path.relative(staging, dest).startsWith('..'))
        throw new Error(`Output path escapes the out dir: ${file.path}`)
      mkdirSync(path.dirname(dest), { recursive: true })
      const relative = path.relative(staging, dest).split(path.sep).join('/')
      settled.add(relative)
      if (!placeFile(file, dest, path.join(target, file.path))) written.push(relative)
    }
  } catch (error) {
    return failed(error)
  }
  return {
    dir: staging,
    discard,
    async commit(commitSignal) {
      let changed: string[]
      try {
        changed = hasPrevious
          ? [...written, ...(await keepUnchanged(staging, target, settled))]
          : await filesIn(staging)
        commitSignal?.throwIfAborted()
      } catch (error) {
        return failed(error)
      }
      try {
        await swap(staging, target, previous)
      } catch (error) {
        throw environmentError(error, 'put the new site in place at', target)
      } finally {
        untrack(staging)
      }
      return changed
    },
  }
}

/**
 * Replace the out dir with `files` under its lock (build, a shard's build and merge alike): stage
 * them, let `fill` add what is made in the staging folder (the search index, the PDFs), then swap it
 * in whole. When anything fails the staging folder is removed and the out dir stays as it was.
 * Returns the paths that are new, changed or gone.
 */
export async function replaceOutDir(
  outDir: string,
  files: readonly OutputFile[],
  signal: AbortSignal | undefined,
  fill: (staging: string) => Promise<void> = async () => {},
): Promise<string[]> {
  const unlock = await lockOutDir(outDir)
  try {
    const staged = await timed('write', () => stageOutput(outDir, files, signal))
    try {
      await fill(staged.dir)
    } catch (error) {
      await staged.discard()
      throw environmentError(error, 'write the site to', staged.dir)
    }
    return await timed('write', () => staged.commit(signal))
  } finally {
    await unlock()
  }
}

/**
 * Write the whole site atomically (`stageOutput`), let `beforeSwap` add to it, then commit it.
 * Returns the paths that are new, changed or gone.
 */
export async function writeAtomically(
  outDir: string,
  files: readonly OutputFile[],
  beforeSwap?: (staging: string) => Promise<void>,
  signal?: AbortSignal,
): Promise<string[]> {
  const staged = await stageOutput(outDir, files, signal)
  try {
    await beforeSwap?.(staged.dir)
  } catch (error) {
    await staged.discard()
    throw environmentError(error, 'write the site to', staged.dir)
  }
  return staged.commit(signal)
}

/** Put `staging` where `target` is, the old `target` out of the way first and removed after. */
async function swap(staging: string, target: string, previous: string): Promise<void> {
  const hadPrevious = await fs.stat(target).then(
    () => true,
    () => false,
  )
  if (hadPrevious) await fs.rename(target, previous)
  try {
    await fs.rename(staging, target)
  } catch (error) {
    if (hadPrevious) await fs.rename(previous, target)
    await fs.rm(staging, { recursive: true, force: true })
    throw error
  }
  if (hadPrevious) {
    track(previous)
    await fs.rm(previous, { recursive: true, force: true }).finally(() => untrack(previous))
  }
}

/**
 * Staging and old folders that a killed build left beside the out dir. Under the out dir's lock no
 * other build is writing, so each is stale: an old site whose replacement never arrived is put back,
 * the rest removed.
 */
async function removeStale(target: string): Promise<void> {
  const dir = path.dirname(target)
  const prefix = `${path.basename(target)}.briefkit-`
  const stale = readdirSync(dir).filter((name) => name.startsWith(`${prefix}tmp-`) || name.startsWith(`${prefix}old-`))
  for (const name of stale) {
    const folder = path.join(dir, name)
    if (name.startsWith(`${prefix}old-`) && !existsSync(target)) await fs.rename(folder, target)
    else await fs.rm(folder, { recursive: true, force: true })
  }
}

/**
 * Refuse an out dir that a build must not replace: one holding the content, one inside it, or an
 * existing non-empty folder that briefkit did not write (`--out src` would otherwise lose `src`).
 */
export function checkOutDir(outDir: string, contentDir: string): void {
  const out = path.resolve(outDir)
  const content = path.resolve(contentDir)
  const inside = (child: string, parent: string) => !path.relative(parent, child).startsWith('..')
  if (inside(content, out) || inside(out, content)) {
    throw new UsageError(`The out dir \`${outDir}\` and the content folder overlap`, {
      hint: 'Choose an out dir outside the content folder, such as `dist`.',
    })
  }
  const stat = statSync(out, { throwIfNoEntry: false })
  if (stat && !stat.isDirectory()) {
    throw new UsageError(`The out dir \`${outDir}\` is a file, not a folder`, {
      hint: 'Choose another out dir with `--out`, or move that file.',
    })
  }
  if (stat && readdirSync(out).length > 0 && !existsSync(path.join(out, outputMarker))) {
    throw new UsageError(`\`${outDir}\` exists and was not written by briefkit; it would be replaced`, {
      hint: 'Choose another out dir, or remove that folder first.',
    })
  }
}

// Reusing the previous build's files.

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
    if (oldStat && size === fromStat.size && digest(file.from, fromStat) === digest(old, oldStat))
      return link(old, dest)
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
export async function keepUnchanged(
  staging: string,
  previous: string,
  settled: ReadonlySet<string>,
): Promise<string[]> {
  const changed: string[] = []
  const staged = await filesIn(staging)
  for (const file of staged.filter((f) => !settled.has(f))) {
    const [a, b] = [statSync(path.join(staging, file)), statSync(path.join(previous, file), { throwIfNoEntry: false })]
    if (b && a.ino === b.ino) continue
    if (
      b &&
      a.size === b.size &&
      readFileSync(path.join(staging, file)).equals(readFileSync(path.join(previous, file)))
    ) {
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
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
}
