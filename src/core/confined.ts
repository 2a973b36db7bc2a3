import fs from 'node:fs'
import path from 'node:path'
import type { VFile } from 'vfile'
import { reportError } from '../reporting/messages.ts'

/** The largest content file briefkit reads (16 MB): far above any brief, far below what would exhaust memory. */
export const maxFileBytes = 16 * 1024 * 1024

/** A path resolved through its symlinks, or why it cannot be used. */
export type Resolved =
  | { ok: true; path: string }
  | { ok: false; problem: 'missing' | 'outside' | 'wrong-type' | 'unreadable' | 'too-large'; code: string }

/**
 * Resolve `target` through every symlink and check that it is an existing, readable file (or
 * folder) whose real path is inside the real path of `root`. Never reads the file.
 */
export function resolveInside(root: string, target: string, kind: 'file' | 'directory' = 'file'): Resolved {
  let real: string
  try {
    real = fs.realpathSync(target)
  } catch (error) {
    const code = errorCode(error)
    // Note: a symlink whose target is gone is there to the author but cannot be read.
    if (code === 'ENOENT' && !fs.lstatSync(target, { throwIfNoEntry: false }))
      return { ok: false, problem: 'missing', code }
    return { ok: false, problem: 'unreadable', code: code === 'ENOENT' ? 'a link to nothing' : code }
  }
  if (!isInside(realRoot(root), real)) return { ok: false, problem: 'outside', code: real }
  const stat = fs.statSync(real, { throwIfNoEntry: false })
  if (!stat) return { ok: false, problem: 'missing', code: 'ENOENT' }
  if (kind === 'directory' ? !stat.isDirectory() : !stat.isFile()) {
    return {
      ok: false,
      problem: 'wrong-type',
      code: stat.isDirectory() ? 'EISDIR' : kind === 'directory' ? 'ENOTDIR' : 'not a regular file',
    }
  }
  if (kind === 'file' && stat.size > maxFileBytes)
    return { ok: false, problem: 'too-large', code: `${(stat.size / 1024 / 1024).toFixed(1)} MB` }
  try {
    fs.accessSync(real, fs.constants.R_OK)
  } catch (error) {
    return { ok: false, problem: 'unreadable', code: errorCode(error) }
  }
  return { ok: true, path: real }
}

/**
 * Read a text file of the content folder into `file.value`, through `resolveInside`. Problems are
 * located errors on `file`; returns whether the text was read.
 */
export function readInside(file: VFile, root: string, what: string): boolean {
  const resolved = resolveInside(root, file.path)
  if (resolved.ok) {
    try {
      // Note: without the byte-order mark some editors save: the parser skips it, so positions
      // into the text would be one off and citations would not be found at their place.
      file.value = fs.readFileSync(resolved.path, 'utf8').replace(/^\uFEFF/, '')
      return true
    } catch (error) {
      reportError(
        file,
        `Cannot read ${what} (${errorCode(error)})`,
        undefined,
        'unreadable-file',
        'Check that it is a readable text file.',
      )
      return false
    }
  }
  if (resolved.problem === 'outside') {
    reportError(
      file,
      `${what} is outside the content folder (through a symlink or \`..\`)`,
      undefined,
      'file-outside-content',
      'Copy the file into the content folder instead of linking to it; briefkit reads nothing outside it.',
    )
  } else if (resolved.problem === 'too-large') {
    reportError(
      file,
      `${what} is too large to read (${resolved.code}; at most ${maxFileBytes / 1024 / 1024} MB)`,
      undefined,
      'file-too-large',
      'Split it into smaller files.',
    )
  } else {
    reportError(
      file,
      `Cannot read ${what} (${resolved.code})`,
      undefined,
      'unreadable-file',
      'Check that it is a readable text file, not a folder.',
    )
  }
  return false
}

/** Whether `target` is `root` or inside it (both real, absolute paths). */
export function isInside(root: string, target: string): boolean {
  const relative = path.relative(root, target)
  return relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative))
}

/** Whether something is at `target`, a dangling symlink included (which `fs.existsSync` calls absent). */
export function isPresent(target: string): boolean {
  return fs.lstatSync(target, { throwIfNoEntry: false }) !== undefined
}

function realRoot(root: string): string {
  try {
    return fs.realpathSync(root)
  } catch {
    return path.resolve(root)
  }
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException | undefined)?.code ?? 'unknown error'
}
