import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import { environmentError, UsageError } from '../reporting/errors.ts'
import { track, untrack } from './leftovers.ts'
import { filesIn, keepUnchanged, placeFile } from './reuse.ts'

/** The file that marks a folder as briefkit's output, so a build never replaces anything else. */
export const outputMarker = '.briefkit-output'

/** A file of the built site: text or bytes to write, or a file to copy. */
export type OutputFile = { path: string; content: string | Uint8Array } | { path: string; from: string }

/**
 * Write the whole site to a fresh folder next to `outDir`, let `beforeSwap` add to it (PDFs are
 * printed from the written pages), then swap it in. Files whose bytes did not change are the old
 * files (hard links), so their modification times stay. A failure at any point, or `signal`
 * aborting before the swap, leaves an existing `outDir` exactly as it was and no staging folder
 * behind; an error of the machine (full disk, read-only folder) is a BriefkitError naming the
 * path. Returns the paths that are new, changed or gone (every path when there was no site before).
 * The caller holds the out dir's lock (`lockOutDir`).
 */
export async function writeAtomically(
  outDir: string,
  files: readonly OutputFile[],
  beforeSwap?: (staging: string) => Promise<void>,
  signal?: AbortSignal,
): Promise<string[]> {
  const target = path.resolve(outDir)
  const stamp = `${process.pid}-${Date.now()}`
  const staging = `${target}.briefkit-tmp-${stamp}`
  const previous = `${target}.briefkit-old-${stamp}`
  let changed: string[]
  track(staging)
  try {
    await fs.mkdir(path.dirname(target), { recursive: true })
    await removeStale(target)
    await fs.mkdir(staging)
    const hasPrevious = existsSync(target)
    const settled = new Set<string>()
    const written: string[] = []
    for (const file of files) {
      signal?.throwIfAborted()
      const dest = path.join(staging, file.path)
      if (path.relative(staging, dest).startsWith('..')) throw new Error(`Output path escapes the out dir: ${file.path}`)
      mkdirSync(path.dirname(dest), { recursive: true })
      const relative = path.relative(staging, dest).split(path.sep).join('/')
      settled.add(relative)
      if (!placeFile(file, dest, path.join(target, file.path))) written.push(relative)
    }
    await beforeSwap?.(staging)
    changed = hasPrevious ? [...written, ...(await keepUnchanged(staging, target, settled))] : await filesIn(staging)
    signal?.throwIfAborted()
  } catch (error) {
    await fs.rm(staging, { recursive: true, force: true }).catch(() => undefined)
    untrack(staging)
    throw environmentError(error, 'write the site to', staging)
  }
  try {
    await swap(staging, target, previous)
  } catch (error) {
    throw environmentError(error, 'put the new site in place at', target)
  } finally {
    untrack(staging)
  }
  return changed
}

/** Put `staging` where `target` is, the old `target` out of the way first and removed after. */
async function swap(staging: string, target: string, previous: string): Promise<void> {
  const hadPrevious = await fs.stat(target).then(() => true, () => false)
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
    throw new UsageError(`The out dir \`${outDir}\` and the content folder overlap`, { hint: 'Choose an out dir outside the content folder, such as `dist`.' })
  }
  const stat = statSync(out, { throwIfNoEntry: false })
  if (stat && !stat.isDirectory()) {
    throw new UsageError(`The out dir \`${outDir}\` is a file, not a folder`, { hint: 'Choose another out dir with `--out`, or move that file.' })
  }
  if (stat && readdirSync(out).length > 0 && !existsSync(path.join(out, outputMarker))) {
    throw new UsageError(`\`${outDir}\` exists and was not written by briefkit; it would be replaced`, {
      hint: 'Choose another out dir, or remove that folder first.',
    })
  }
}
