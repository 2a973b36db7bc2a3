import type { Point } from 'unist'
import type { VFile } from 'vfile'
import { type Document, isMap, isNode, isScalar, LineCounter, parseDocument, visit } from 'yaml'
import type { z } from 'zod'
import { reportError } from '../reporting/messages.ts'

type YamlPath = readonly PropertyKey[]

/** YAML data that remembers where each value came from in its file. */
export interface LocatedYaml {
  data: unknown
  /** The point of the value at `path`, or of its nearest parent that exists. */
  pointAt(path: YamlPath): Point
  /** The point of the key of the entry at `path` (for an entry that should not be there). */
  keyPointAt(path: YamlPath): Point
}

/**
 * Parse YAML that sits in `file` starting at `startLine` (front matter starts on line 2).
 * Syntax errors are reported on the file; the result is undefined when there were any.
 */
export function parseYaml(text: string, file: VFile, startLine = 1): LocatedYaml | undefined {
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true })
  const toPoint = (offset: number): Point => {
    const { line, col } = lineCounter.linePos(offset)
    return { line: line + startLine - 1, column: col }
  }
  for (const error of doc.errors) {
    const line = error.message.split('\n')[0] ?? 'invalid YAML'
    // Note: the yaml package quotes the offending text, which may be a whole pasted line.
    const reason = line.length > 200 ? `${line.slice(0, 200)}…` : line
    reportError(
      file,
      `Invalid YAML: ${reason}`,
      toPoint(error.pos[0]),
      'invalid-yaml',
      'Check indentation and quoting; values containing `: ` or starting with `[`, `{` or `@` need quotes.',
    )
  }
  if (doc.errors.length > 0) return undefined
  const data = toData(doc, file, toPoint)
  if (data === undefined) return undefined
  return {
    data,
    pointAt(path) {
      for (let depth = path.length; depth > 0; depth--) {
        const node = doc.getIn(path.slice(0, depth) as PropertyKey[], true)
        if (isNode(node) && node.range) return toPoint(node.range[0])
      }
      return { line: startLine, column: 1 }
    },
    keyPointAt(path) {
      const parent = path.length > 1 ? doc.getIn(path.slice(0, -1) as PropertyKey[], true) : doc.contents
      const pair = isMap(parent)
        ? parent.items.find((item) => isScalar(item.key) && item.key.value === path.at(-1))
        : undefined
      const range = isNode(pair?.key) ? pair.key.range : undefined
      return range ? toPoint(range[0]) : this.pointAt(path)
    },
  }
}

/** How many times aliases may repeat their anchors' values in one file: enough for any real use, never a billion laughs. */
export const maxAliasCount = 100

/** The document as plain data, or undefined (reported) when an alias is unresolved or repeats too much. */
function toData(doc: Document, file: VFile, toPoint: (offset: number) => Point): unknown {
  try {
    return doc.toJS({ maxAliasCount }) ?? {}
  } catch (error) {
    // Note: the yaml package reports both alias problems as a ReferenceError thrown from toJS.
    if (!(error instanceof ReferenceError)) throw error
    const unresolved = error.message.startsWith('Unresolved alias')
    let offset = 0
    visit(doc, {
      Alias(_, node) {
        if (unresolved && node.resolve(doc) !== undefined) return undefined
        offset = node.range?.[0] ?? 0
        return visit.BREAK
      },
    })
    reportError(
      file,
      unresolved
        ? 'Invalid YAML: an alias (`*name`) refers to no anchor (`&name`) before it'
        : `Invalid YAML: aliases repeat their values more than ${maxAliasCount} times`,
      toPoint(offset),
      'invalid-yaml',
      unresolved
        ? 'Define the anchor `&name` earlier in the file, or quote a value that starts with `*`.'
        : 'Write the values out instead of nesting aliases.',
    )
    return undefined
  }
}

/**
 * Validate located YAML against a zod schema, reporting each problem at the value it concerns.
 * Returns the parsed data, or undefined when invalid.
 */
export function validateYaml<T extends z.ZodType>(
  yaml: LocatedYaml,
  schema: T,
  file: VFile,
  what: string,
): z.output<T> | undefined {
  const result = schema.safeParse(yaml.data)
  if (result.success) return result.data
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const field = [...issue.path, key].join('.')
        reportError(
          file,
          `Unknown field \`${field}\` in ${what}`,
          yaml.keyPointAt([...issue.path, key]),
          'unknown-field',
          'Check its spelling; the README lists every field.',
        )
      }
      continue
    }
    const field = issue.path.join('.')
    const missing = valueAt(yaml.data, issue.path) === undefined
    const reason = missing
      ? `Missing required field \`${field}\` in ${what}`
      : `Invalid \`${field || 'front matter'}\` in ${what}: ${issue.message}`
    reportError(
      file,
      reason,
      yaml.pointAt(issue.path),
      missing ? 'missing-field' : 'invalid-field',
      missing
        ? `Add \`${field}:\` to ${what}; the README lists every field.`
        : 'The README lists every field and the form of its value.',
    )
  }
  return undefined
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined
    value = (value as Record<PropertyKey, unknown>)[key]
  }
  return value
}
