import { createHash } from 'node:crypto'
import path from 'node:path'
import { VFile } from 'vfile'
import { isPresent, readInside } from '../core/confined.ts'
import { findBibliography } from './bibliography.ts'
import type { BriefLocation } from './discover.ts'
import { listArguments } from './load-brief.ts'

/** What `loadBrief` would read for one edition of a brief, read but not parsed (see `briefState`). */
export interface BriefState {
  /** Where the edition is, each file's path and state, and the names in its `arguments` folder, in order. */
  parts: string[]
  /** The files the state covers (whether or not they are there). */
  paths: Set<string>
}

/**
 * Read, but not parse, what `loadBrief` reads for one edition of a brief: brief.md, the names in
 * `arguments/` and each file listed, conclusion.md and the bibliography it finds without front matter
 * (the first `references.*` of the brief's root). Each file counts by the text `loadBrief` would get, or
 * by why it cannot be read, through the same checks (`listArguments`, `readInside`), so two equal states
 * load alike. Not covered: a bibliography brief.md names (known only from its front matter).
 */
export function briefState(location: BriefLocation, root: string): BriefState {
  const parts = [location.slug, path.relative(root, location.dir), location.translationLang ?? '']
  const paths = new Set<string>()
  const add = (file: string) => {
    paths.add(file)
    parts.push(path.relative(root, file), fileState(file, root))
  }
  add(path.join(location.dir, 'brief.md'))

  const argumentDir = path.join(location.dir, 'arguments')
  const unreadable: VFile[] = []
  const names = listArguments(argumentDir, root, (p) => {
    const file = new VFile({ path: p })
    unreadable.push(file)
    return file
  })
  // Note: the number first, so that the parts read back one way only.
  parts.push(`${names.length} arguments`, reasons(unreadable))
  for (const name of names) add(path.join(argumentDir, name))

  const conclusion = path.join(location.dir, 'conclusion.md')
  if (isPresent(conclusion)) add(conclusion)
  else parts.push('no conclusion.md')
  // Note: the one `loadBrief` reads unless brief.md names another; one named is checked apart (`fileState`).
  const bibliography = findBibliography(location.rootDir, location.dir, undefined)
  if (bibliography) add(bibliography)
  else parts.push('no references')
  return { parts, paths }
}

/** A file of the content folder (`root`) as `readInside` reads it: a hash of its text, or why it cannot be read. */
export function fileState(file: string, root: string): string {
  const read = new VFile({ path: file })
  return readInside(read, root, 'the file') ? textState(String(read.value)) : `unread: ${reasons([read])}`
}

/** The state `fileState` gives a file that read as `text`. */
export function textState(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}

function reasons(files: readonly VFile[]): string {
  return files.flatMap((f) => f.messages.map((m) => m.reason)).join('\n')
}
