import type { Root } from 'mdast'
import type { VFile } from 'vfile'
import type { z } from 'zod'
import { readInside } from '../core/confined.ts'
import { type LocatedYaml, parseYaml, validateYaml } from '../core/yaml.ts'
import { reportError } from '../reporting/messages.ts'
import { reportParseProblems } from './limits.ts'
import { type Parse, parseMarkdown } from './parse.ts'

/** A markdown file read from disk: its body as mdast and its validated front matter. */
export interface MarkdownDoc<T> {
  file: VFile
  tree: Root
  meta: T
  yaml: LocatedYaml
}

/**
 * Read a markdown file with YAML front matter (it must be inside `root`, the content folder, once
 * symlinks are resolved) and validate the front matter against `schema`.
 * Returns undefined when the file cannot be used; the reasons are messages on `file`.
 */
export function readMarkdown<T extends z.ZodType>(
  file: VFile,
  schema: T,
  what: string,
  root: string,
  parse: Parse = parseMarkdown,
): MarkdownDoc<z.output<T>> | undefined {
  if (!readInside(file, root, what)) return undefined
  if (String(file.value).trim() === '') {
    reportError(
      file,
      `${what} is empty`,
      undefined,
      'empty-file',
      'Start it with front matter between `---` lines; the README has an example.',
    )
    return undefined
  }
  const tree = parse(file)
  reportParseProblems(tree, file)
  const [first] = tree.children
  if (first?.type !== 'yaml') {
    reportError(
      file,
      `${what} has no front matter`,
      undefined,
      'missing-front-matter',
      'Start the file with a `---` line, the fields, and another `---` line.',
    )
    return undefined
  }
  tree.children.shift()
  const yaml = parseYaml(first.value, file, (first.position?.start.line ?? 1) + 1)
  const meta = yaml && validateYaml(yaml, schema, file, what)
  if (!yaml || meta === undefined) return undefined
  return { file, tree, meta, yaml }
}
