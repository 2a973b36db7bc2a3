import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import type { Format } from 'vega'
import { parse as parseYaml } from 'yaml'
import type { Chart, ChartResult } from '../core/compiled.ts'
import { isInside, resolveInside } from '../core/confined.ts'

type Row = Chart['rows'][number]

/** The data formats a chart may read, by `data.format.type` or by the file's extension. */
const dataTypes = new Set(['csv', 'tsv', 'json'])

const require = createRequire(import.meta.url)

/**
 * Read a Vega-Lite spec (`.vl.json` or `.vl.yaml`) and its data file, and check it by compiling it
 * with vega-lite. `specFile` is an absolute path inside `contentDir`; its `data.url` is relative
 * to it and must stay inside `contentDir`. The data ends up inline, in `spec.data.values`.
 */
export function readChart(specFile: string, contentDir: string): ChartResult {
  const name = `\`${path.relative(contentDir, specFile).split(path.sep).join('/')}\``
  let spec: unknown
  try {
    const text = fs.readFileSync(specFile, 'utf8').replace(/^\uFEFF/, '')
    spec = /\.ya?ml$/i.test(specFile) ? parseYaml(text) : JSON.parse(text)
  } catch (error) {
    return fail(
      `Chart ${name} cannot be read: ${firstLine(error)}`,
      'Check that it is a valid Vega-Lite spec in JSON (`.vl.json`) or YAML (`.vl.yaml`).',
    )
  }
  if (!isRecord(spec)) {
    return fail(`Chart ${name} is not a Vega-Lite spec (not an object)`, 'A spec is an object with `data` and `mark`.')
  }
  if (!['mark', 'layer', 'concat', 'hconcat', 'vconcat', 'facet', 'repeat', 'spec'].some((key) => key in spec)) {
    return fail(
      `Chart ${name} draws nothing: it has no \`mark\`, \`layer\` or \`concat\``,
      'Add a mark, e.g. `"mark": "bar"`, and an encoding.',
    )
  }
  const markProblem = unknownMark(spec)
  if (markProblem) {
    return fail(`Chart ${name} is not a valid Vega-Lite spec: ${markProblem}`, `Use one of ${[...marks].join(', ')}.`)
  }
  if (nestedUrl(spec)) {
    return fail(
      `Chart ${name} names data files inside its layers or views`,
      'Give the data once, in the top-level `data.url`, and use transforms (`filter`, `lookup`) for the parts.',
    )
  }
  // Note: vega-loader only (no top-level await in its graph), so it loads synchronously, and only here.
  const data = readData(spec, specFile, contentDir, name, require('vega-loader') as Reader)
  if ('message' in data) return data
  const inline = { ...spec, data: data.spec }
  const problem = compileProblem(inline)
  if (problem)
    return fail(
      `Chart ${name} is not a valid Vega-Lite spec: ${problem}`,
      'See https://vega.github.io/vega-lite/docs/.',
    )
  return {
    ok: true,
    chart: {
      spec: inline,
      title: textOf(spec.title),
      description: typeof spec.description === 'string' ? spec.description : '',
      columns: data.columns,
      rows: data.rows.map(toRow),
      dataFile: data.file,
    },
  }
}

/** The parts of vega that read data. */
interface Reader {
  read(data: string, schema: Format): object[]
  inferTypes(values: readonly object[], fields: readonly string[]): Record<string, string>
}
type Data = {
  spec: Record<string, unknown>
  columns: string[]
  rows: Record<string, unknown>[]
  file: Chart['dataFile']
}

function readData(
  spec: Record<string, unknown>,
  specFile: string,
  contentDir: string,
  name: string,
  reader: Reader,
): Data | { ok: false; message: string; hint: string } {
  const data = spec.data
  if (!isRecord(data)) {
    return fail(
      `Chart ${name} has no \`data\``,
      'Give it `data: {url: data.csv}` (a file beside the spec) or `data: {values: [...]}`.',
    )
  }
  if (Array.isArray(data.values)) {
    const rows = data.values.map((value) => (isRecord(value) ? value : { data: value }))
    return { spec: data, columns: Object.keys(rows[0] ?? {}), rows, file: undefined }
  }
  if (typeof data.url !== 'string') {
    return fail(
      `Chart ${name} has no \`data.url\` or \`data.values\``,
      'Name a CSV, TSV or JSON file beside the spec in `data.url`.',
    )
  }
  const url = data.url
  if (/^([a-z][a-z\d+.-]*:|\/\/)/i.test(url)) {
    return fail(
      `Chart ${name} reads its data from \`${url}\`, which is not a local file`,
      "Save the data as a CSV or JSON file in the brief's folder and give its relative path; briefkit fetches nothing.",
    )
  }
  const format = isRecord(data.format) ? data.format : {}
  const type = typeof format.type === 'string' ? format.type : path.extname(url).slice(1).toLowerCase()
  if (!dataTypes.has(type)) {
    return fail(
      `Chart ${name}: data \`${url}\` is not CSV, TSV or JSON`,
      'Save the data as a `.csv`, `.tsv` or `.json` file.',
    )
  }
  let written: string
  try {
    written = decodeURI(url.split(/[?#]/)[0] ?? '')
  } catch {
    return fail(
      `Chart ${name}: data \`${url}\` has a \`%\` that starts no escape`,
      'Write a `%` in a file name as `%25`.',
    )
  }
  const target = path.resolve(path.dirname(specFile), written)
  // Note: the written path must stay inside, and so must the real file behind any symlink.
  const resolved = isInside(path.resolve(contentDir), target) ? resolveInside(contentDir, target) : undefined
  if (!resolved || (!resolved.ok && resolved.problem === 'outside')) {
    return fail(
      `Chart ${name}: data \`${url}\` is outside the content folder`,
      "Move the data file into the brief's folder and give its path relative to the spec (not a symlink to elsewhere).",
    )
  }
  if (!resolved.ok) {
    const missing = resolved.problem === 'missing'
    return fail(
      `Chart ${name}: data \`${url}\` ${missing ? 'not found' : `cannot be read (${resolved.code})`}`,
      `Paths are relative to the spec; looked for \`${path.relative(contentDir, target).split(path.sep).join('/')}\`.`,
    )
  }
  let records: Record<string, unknown>[]
  let columns: string[]
  try {
    const text = fs.readFileSync(resolved.path, 'utf8').replace(/^\uFEFF/, '')
    const property = typeof format.property === 'string' ? format.property : undefined
    const schema = { type, ...(property ? { property } : {}) } as Format
    const raw = reader.read(text, schema).map((row) => (isRecord(row) ? row : { data: row }))
    const header = (raw as { columns?: unknown }).columns
    columns = Array.isArray(header) ? header.map(String) : Object.keys(raw[0] ?? {})
    // Note: what `parse: 'auto'` does, in two steps, to know which fields are dates (it makes them numbers).
    // Note: the spec's own `format.parse` says how a field reads (`{"Month": "string"}` keeps "September 2019" text).
    const types = { ...reader.inferTypes(raw, columns), ...(isRecord(format.parse) ? stringValues(format.parse) : {}) }
    records = reader
      .read(text, { ...schema, parse: types })
      .map((row) => isoDates(row as Record<string, unknown>, types))
  } catch (error) {
    return fail(
      `Chart ${name}: data \`${url}\` cannot be read: ${firstLine(error)}`,
      `Check that it is valid ${type.toUpperCase()}.`,
    )
  }
  const { url: _url, format: _format, ...rest } = data
  const kept = isRecord(format.parse) ? { format: { parse: format.parse } } : {}
  return {
    spec: { ...rest, ...kept, values: records },
    columns,
    rows: records,
    file: {
      from: resolved.path,
      to: `media/${path.relative(contentDir, target).split(path.sep).join('/')}`,
      data: true,
    },
  }
}

/** vega-lite's compiler, once `loadChartCompiler` has loaded it. */
let compiler: { compile: (spec: never, options: never) => { spec: unknown } } | undefined

/**
 * Load vega-lite, which `readChart` then checks each spec with. It loads only by `import()` (vega
 * has a top-level await), so a build or check whose content has chart specs loads it first
 * (`hasChartSpecs`, ~0.13 s); without it `readChart` checks the spec's shape and data only, and
 * drawing it reports what vega-lite refuses. (vega itself, ~0.4 s more, loads only to draw.)
 */
export async function loadChartCompiler(): Promise<void> {
  const { compile } = await import('vega-lite')
  compiler = { compile: compile as never }
}

/** Whether a content folder holds any chart spec (`*.vl.json`, `*.vl.yaml`). */
export function hasChartSpecs(contentDir: string): boolean {
  try {
    return fs.readdirSync(contentDir, { recursive: true }).some((entry) => chartSpecName.test(String(entry)))
  } catch {
    return false
  }
}

const chartSpecName = /\.vl\.(json|ya?ml)$/i

/** What vega-lite says is wrong with a spec (its first error or warning), else undefined. */
function compileProblem(spec: Record<string, unknown>): string | undefined {
  if (!compiler) return undefined
  const messages: string[] = []
  const collect = (...args: readonly unknown[]) => {
    messages.push(args.map(String).join(' '))
    return logger
  }
  const logger = { level: () => 2, error: collect, warn: collect, info: () => logger, debug: () => logger }
  try {
    // Note: vega-lite's own types are stricter than a spec read from a file; the compiler checks it.
    compiler.compile(spec as never, { logger } as never)
  } catch (error) {
    messages.push(firstLine(error))
  }
  return messages[0]
}

function stringValues(record: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(record).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  )
}

function toRow(record: Record<string, unknown>): Row {
  const row: Row = {}
  for (const [key, value] of Object.entries(record)) {
    row[key] =
      value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
        ? value
        : value === undefined
          ? null
          : JSON.stringify(value)
  }
  return row
}

function isoDates(record: Record<string, unknown>, types: Record<string, string>): Record<string, unknown> {
  if (!isRecord(record)) return { data: record }
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(record)) {
    const date =
      types[key] === 'date' && (typeof value === 'number' || value instanceof Date) ? new Date(value) : undefined
    out[key] = date && !Number.isNaN(date.getTime()) ? date.toISOString() : value
  }
  return out
}

/** Whether a `url` appears anywhere in the spec but its top-level `data` (data of layers, images, lookups). */
function nestedUrl(spec: Record<string, unknown>): boolean {
  const { data, ...rest } = spec
  const inData = isRecord(data) ? Object.entries(data).some(([key, value]) => key !== 'url' && hasUrl(value)) : false
  return inData || hasUrl(rest)
}

function hasUrl(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasUrl)
  if (!isRecord(value)) return false
  return Object.entries(value).some(([key, item]) => (key === 'url' && typeof item === 'string') || hasUrl(item))
}

/** Vega-Lite's marks (vega-lite exports no list of them). */
const marks = new Set([
  'arc',
  'area',
  'bar',
  'boxplot',
  'circle',
  'errorband',
  'errorbar',
  'geoshape',
  'image',
  'line',
  'point',
  'rect',
  'rule',
  'square',
  'text',
  'tick',
  'trail',
])

/** A mark vega-lite does not know, in the spec or its layers: vega-lite itself fails on it with a TypeError. */
function unknownMark(spec: Record<string, unknown>): string | undefined {
  const mark = isRecord(spec.mark) ? spec.mark.type : spec.mark
  if (mark !== undefined && (typeof mark !== 'string' || !marks.has(mark))) return `unknown mark \`${String(mark)}\``
  const layers = Array.isArray(spec.layer) ? spec.layer : []
  for (const layer of layers) {
    const problem = isRecord(layer) ? unknownMark(layer) : undefined
    if (problem) return problem
  }
  return undefined
}

function textOf(title: unknown): string {
  if (typeof title === 'string') return title
  if (Array.isArray(title)) return title.join(' ')
  if (isRecord(title)) return textOf(title.text)
  return ''
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? ''
}

function fail(message: string, hint: string): { ok: false; message: string; hint: string } {
  return { ok: false, message, hint }
}
