import { existsSync, mkdirSync, readdirSync } from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import { UsageError } from '../reporting/errors.ts'
import { filesIn, keepUnchanged, placeFile } from './reuse.ts'

/** The file that marks a folder as briefkit's output, so a build never replaces anything else. */
export const outputMarker = '.briefkit-output'

/** A file of the built site: text or bytes to write, or a file to copy. */
export type OutputFile = { path: string; content: string | Uint8Array } | { path: string; from: string }

/**
 * Write the whole site to a fresh folder next to `outDir`, let `beforeSwap` add to it (PDFs are
 * printed from the written pages), then swap it in. Files whose bytes did not change are the old
 * files (hard links), so their modification times stay. A failure at any point leaves an existing
 * `outDir` exactly as it was. Returns the paths that are new, changed or gone (every path when
 * there was no site before).
 */
export async function writeAtomically(
  outDir: string,
  files: readonly OutputFile[],
  beforeSwap?: (staging: string) => Promise<void>,
): Promise<string[]> {
  const target = path.resolve(outDir)
  const stamp = `${process.pid}-${Date.now()}`
  const staging = `${target}.briefkit-tmp-${stamp}`
  const previous = `${target}.briefkit-old-${stamp}`
  let changed: string[]
  await fs.mkdir(path.dirname(target), { recursive: true })
  try {
    await fs.mkdir(staging)
    const hasPrevious = existsSync(target)
    const settled = new Set<string>()
    const written: string[] = []
    for (const file of files) {
      const dest = path.join(staging, file.path)
      if (path.relative(staging, dest).startsWith('..')) throw new Error(`Output path escapes the out dir: ${file.path}`)
      mkdirSync(path.dirname(dest), { recursive: true })
      const relative = path.relative(staging, dest).split(path.sep).join('/')
      settled.add(relative)
      if (!placeFile(file, dest, path.join(target, file.path))) written.push(relative)
    }
    await beforeSwap?.(staging)
    changed = hasPrevious ? [...written, ...(await keepUnchanged(staging, target, settled))] : await filesIn(staging)
  } catch (error) {
    await fs.rm(staging, { recursive: true, force: true })
    throw error
  }
  const hadPrevious = await fs.stat(target).then(() => true, () => false)
  if (hadPrevious) await fs.rename(target, previous)
  try {
    await fs.rename(staging, target)
  } catch (error) {
    if (hadPrevious) await fs.rename(previous, target)
    await fs.rm(staging, { recursive: true, force: true })
    throw error
  }
  if (hadPrevious) await fs.rm(previous, { recursive: true, force: true })
  return changed
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
  if (existsSync(out) && readdirSync(out).length > 0 && !existsSync(path.join(out, outputMarker))) {
    throw new UsageError(`\`${outDir}\` exists and was not written by briefkit; it would be replaced`, {
      hint: 'Choose another out dir, or remove that folder first.',
    })
  }
}
