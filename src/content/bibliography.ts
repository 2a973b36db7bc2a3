import path from 'node:path'
import { Cite, plugins } from '@citation-js/core'
import '@citation-js/plugin-bibtex'
import type { CslItem } from 'citeproc'
import type { Point } from 'unist'
import { VFile } from 'vfile'
import { location } from 'vfile-location'
import { isPresent, readInside } from '../core/confined.ts'
import { parseYaml } from '../core/yaml.ts'
import { reportError } from '../reporting/messages.ts'
import { cslItemProblem } from './csl-item.ts'

/** The works a brief may cite, keyed by citation key, with where each is defined. */
export interface Bibliography {
  /** The bibliography file, carrying its messages; undefined when the brief has none. */
  file: VFile | undefined
  items: ReadonlyMap<string, CslItem>
  /** Where an entry is defined in the file. */
  pointOf(key: string): Point
}

const defaultNames = ['references.bib', 'references.json', 'references.yaml', 'references.yml']

// Note: biblatex `langid` values are babel names; CSL wants BCP 47 tags.
const babelToBcp47: Record<string, string> = {
  chinese: 'zh-CN',
  schinese: 'zh-CN',
  tchinese: 'zh-TW',
  english: 'en-US',
  american: 'en-US',
  british: 'en-GB',
  german: 'de-DE',
  ngerman: 'de-DE',
  french: 'fr-FR',
  japanese: 'ja-JP',
  korean: 'ko-KR',
  russian: 'ru-RU',
  spanish: 'es-ES',
}

/** Find the bibliography file of a brief: the one named in front matter, else `references.*` in the brief's root. */
export function findBibliography(rootDir: string, briefDir: string, named: string | undefined): string | undefined {
  if (named) return path.resolve(briefDir, named)
  return defaultNames.map((name) => path.join(rootDir, name)).find(isPresent)
}

/**
 * Read BibTeX/BibLaTeX, CSL-JSON or CSL-YAML into CSL items; the file must be inside `root` (the
 * content folder) once symlinks are resolved. Problems are messages on the returned file.
 */
export function loadBibliography(filePath: string | undefined, root = path.dirname(filePath ?? '.')): Bibliography {
  if (!filePath) return { file: undefined, items: new Map(), pointOf: () => ({ line: 1, column: 1 }) }
  const file = new VFile({ path: filePath })
  const text = readInside(file, root, `Bibliography \`${path.basename(filePath)}\``) ? String(file.value) : ''
  file.value = text
  const read = lastRead.get(filePath)
  if (read && read.text === text && file.messages.length === 0) {
    return { file, items: structuredClone(read.items), pointOf: read.pointOf }
  }
  const bibliography = parseBibliography(file, text)
  lastRead.delete(filePath)
  if (file.messages.length === 0) lastRead.set(filePath, { text, ...bibliography })
  const [oldest] = lastRead.keys()
  if (lastRead.size > 4 && oldest !== undefined) lastRead.delete(oldest)
  return { file, items: structuredClone(bibliography.items), pointOf: bibliography.pointOf }
}

// Note: a brief's editions read one bibliography file, one after the other: the second takes the
// first's works (a copy) when the text is the same and gave no messages, and skips parsing and
// checking it again. A few files are kept, by last read.
const lastRead = new Map<
  string,
  { text: string; items: ReadonlyMap<string, CslItem>; pointOf: (key: string) => Point }
>()

/** The works of a bibliography file's text, and where each is defined; problems are messages on `file`. */
function parseBibliography(file: VFile, text: string): Omit<Bibliography, 'file'> {
  const items = new Map<string, CslItem>()
  const filePath = file.path
  const place = location(text)
  const offsets = keyOffsets(text, path.extname(filePath))
  const pointOf = (key: string): Point => place.toPoint(offsets.get(key)?.[0] ?? 0) ?? { line: 1, column: 1 }
  reportDuplicates(file, offsets, (offset) => place.toPoint(offset))

  for (const { raw, pointAt } of parseEntries(text, file)) {
    const id =
      isRecord(raw) && (typeof raw['id'] === 'string' || typeof raw['id'] === 'number') ? String(raw['id']) : undefined
    const problem = cslItemProblem(raw)
    if (problem) {
      const field = problem.path.map(String).join('.')
      reportError(
        file,
        id
          ? `Entry \`${id}\`: \`${field}\` should be ${problem.expected}`
          : `Entry without an \`id\`: \`${field || 'entry'}\` should be ${problem.expected}`,
        pointAt(problem.path) ?? (id ? pointOf(id) : undefined),
        'invalid-bibliography',
        'The fields follow CSL; see https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html.',
      )
      continue
    }
    const item = normalize(raw)
    if (!item) continue
    const names = [...asArray(item['author']), ...asArray(item['editor'])]
    if (names.some((n) => isRecord(n) && (n['family'] === 'others' || n['literal'] === 'others'))) {
      reportError(
        file,
        `Entry \`${item.id}\` lists an author called \`others\``,
        pointOf(item.id),
        'and-others',
        'BibTeX `and others` is not supported: list every author; the style decides when to shorten to et al. / 等.',
      )
    }
    items.set(item.id, item)
  }
  return { items, pointOf }
}

/** Where each entry's key is written, in order: more than one place is a duplicate. */
function keyOffsets(text: string, ext: string): Map<string, number[]> {
  const offsets = new Map<string, number[]>()
  const pattern = ext === '.bib' ? /@(\w+)\s*[{(]\s*([^,\s]+)\s*,/g : /()"?\bid"?\s*:\s*["']?([^"',\s}]+)/g
  for (const match of text.matchAll(pattern)) {
    if (/^(comment|string|preamble)$/i.test(match[1] ?? '')) continue
    const key = match[2] ?? ''
    offsets.set(key, [...(offsets.get(key) ?? []), match.index])
  }
  return offsets
}

// Note: citation-js and a JSON or YAML list all keep the last of two entries with one key, silently.
function reportDuplicates(
  file: VFile,
  offsets: ReadonlyMap<string, number[]>,
  toPoint: (offset: number) => Point | undefined,
): void {
  for (const [key, at] of offsets) {
    if (at.length < 2) continue
    const points = at.map(toPoint)
    points.forEach((point, i) => {
      const others = points
        .filter((_, j) => j !== i)
        .map((p) => `line ${p?.line ?? '?'}`)
        .join(', ')
      reportError(
        file,
        `Key \`${key}\` is defined more than once (also at ${others})`,
        point,
        'duplicate-key',
        'Give each entry its own key, or delete the copy; citations name entries by key.',
      )
    })
  }
}

/** One entry as read, and where a field of it is in the file (when the format tells). */
interface RawEntry {
  raw: unknown
  pointAt(path: readonly PropertyKey[]): Point | undefined
}

function parseEntries(text: string, file: VFile): RawEntry[] {
  const ext = path.extname(file.path)
  // Note: a .bib of only comments (a new brief's) is empty, not an unrecognized format.
  if (!(ext === '.bib' ? text.replace(/^\s*%.*$/gm, '') : text).trim()) return []
  const unlocated = (raw: unknown): RawEntry => ({ raw, pointAt: () => undefined })
  if (ext === '.yaml' || ext === '.yml') {
    const yaml = parseYaml(text, file)
    const list = yaml ? asArray(yaml.data) : []
    return list.map((raw, i) => ({ raw, pointAt: (at) => yaml?.pointAt(Array.isArray(yaml.data) ? [i, ...at] : at) }))
  }
  try {
    if (ext === '.json') return asArray(JSON.parse(text)).map(unlocated)
    return readBibtex(text).map(unlocated)
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    const at = /line (\d+) col (\d+)/.exec(message)
    const point = at ? { line: Number(at[1]), column: Number(at[2]) } : positionFromJson(message, text)
    reportError(
      file,
      `Invalid ${ext === '.bib' ? 'BibTeX' : 'bibliography'}: ${message.split('\n')[0]}`,
      point,
      'invalid-bibliography',
      'Check for a missing comma between fields or an unbalanced `{`/`}` just before this place.',
    )
    return []
  }
}

/** A BibTeX entry as citation-js reads it, before it becomes CSL. */
interface BibtexEntry {
  type: string
  label: string
  properties: Record<string, string | undefined>
}

// Note: fields citation-js drops for some entry types, with the CSL variable each belongs in. Only
// for those types: on an @article, `number` is the issue, which citation-js already maps.
const keptFields: Array<{ types: string[]; from: string; to: string }> = [
  {
    types: ['online', 'www', 'electronic', 'report', 'techreport', 'misc', 'software', 'dataset'],
    from: 'number',
    to: 'number',
  },
  { types: ['legislation', 'legal', 'jurisdiction', 'legadminmaterial'], from: 'journaltitle', to: 'container-title' },
]

/** BibTeX/BibLaTeX to CSL items through citation-js, keeping the fields it would drop. */
function readBibtex(text: string): unknown[] {
  const entries = plugins.input.chain(text, { target: '@biblatex/entries+list', generateGraph: false }) as BibtexEntry[]
  const byKey = new Map(entries.map((entry) => [entry.label, entry]))
  return new Cite(entries, { forceType: '@biblatex/entries+list' }).data.map((item) => {
    const entry = byKey.get(String(item['id']))
    const kept = keptFields.flatMap(({ types, from, to }) => {
      const value = entry?.properties[from]
      return entry && types.includes(entry.type.toLowerCase()) && item[to] === undefined && value ? [[to, value]] : []
    })
    return { ...item, ...Object.fromEntries(kept) }
  })
}

function positionFromJson(message: string, text: string): Point | undefined {
  const at = /position (\d+)/.exec(message)
  return at ? location(text).toPoint(Number(at[1])) : undefined
}

function normalize(raw: unknown): CslItem | undefined {
  if (!isRecord(raw) || (typeof raw['id'] !== 'string' && typeof raw['id'] !== 'number')) return undefined
  const { _graph: _g, annote: _a, ...rest } = raw
  const item: CslItem = { type: 'document', ...rest, id: String(raw['id']) }
  for (const role of ['author', 'editor', 'translator']) {
    if (Array.isArray(item[role])) item[role] = item[role].map(literalName)
  }
  const lang = typeof item['language'] === 'string' ? item['language'] : undefined
  if (lang) item['language'] = babelToBcp47[lang.toLowerCase()] ?? lang
  return item
}

/**
 * A name with no given part (`{{国家发展和改革委员会}}`, `{{European Parliament}}`) is one literal name,
 * so styles neither split it nor print it in capitals as a family name.
 */
function literalName(name: unknown): unknown {
  if (!isRecord(name) || name['given'] !== undefined || typeof name['family'] !== 'string') return name
  const { family, ...rest } = name
  return { ...rest, literal: family }
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}
