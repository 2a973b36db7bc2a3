import path from 'node:path'
import type { ArgumentMeta, WrittenArgumentMeta } from '../core/front-matter.ts'
import { reportError } from '../reporting/messages.ts'
import type { MarkdownDoc } from './markdown-file.ts'

/**
 * An argument's id when its front matter names none: its file name without the extension and the
 * number that orders it (`01-policy.md` → `policy`, `2_cost.md` → `cost`); spaces become `-`.
 */
export function idFromFileName(file: string): string {
  const stem = path.basename(file).replace(/\.md$/i, '')
  const id = stem
    .replace(/^\d+[-_. ]*/, '')
    .trim()
    .replace(/\s+/g, '-')
  // Note: a file named only by its number (`01.md`) keeps the number: an id is never empty.
  return id === '' ? stem : id
}

/** The argument with its id filled in: `id:` as written, else from its file name. */
export function withArgumentId(doc: MarkdownDoc<WrittenArgumentMeta>): MarkdownDoc<ArgumentMeta> {
  return { ...doc, meta: { ...doc.meta, id: doc.meta.id ?? idFromFileName(doc.file.path) } }
}

/** Report each argument whose id another argument of the brief already has (`supports:` could not tell them apart). */
export function checkArgumentIds(args: ReadonlyArray<MarkdownDoc<ArgumentMeta>>): void {
  const first = new Map<string, MarkdownDoc<ArgumentMeta>>()
  for (const doc of args) {
    const earlier = first.get(doc.meta.id)
    if (!earlier) {
      first.set(doc.meta.id, doc)
      continue
    }
    const written = doc.yaml.pointAt(['id'])
    reportError(
      doc.file,
      `Argument id \`${doc.meta.id}\` is also the id of ${path.basename(earlier.file.path)}`,
      // Note: an id taken from the file name has no place in the front matter; the file's first line stands for it.
      (doc.yaml.data as { id?: unknown }).id === undefined ? { line: 1, column: 1 } : written,
      'duplicate-argument-id',
      'Give one of them another `id:` in its front matter; ids name arguments in `supports:` and `attacks:`.',
    )
  }
}
