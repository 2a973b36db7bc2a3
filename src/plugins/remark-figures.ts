import type { Image, Paragraph, PhrasingContent, Root, RootContent, Table, TableRow, Text } from 'mdast'
import { SKIP, visit } from 'unist-util-visit'
import type { VFile } from 'vfile'
import { location } from 'vfile-location'
import { findCitations } from '../citations/syntax.ts'
import type { Box, Chart, ChartResult } from '../core/compiled.ts'
import { isFigureWidth } from '../core/css.ts'
import { labelSlot } from '../core/labels.ts'
import { reportError } from '../reporting/messages.ts'
import { parseAttributes, parseInline } from './attributes.ts'
import { attributeMarkdown, box, caption, checkId, element, sourceLine } from './figure-nodes.ts'

/** Options of remarkFigures. */
export interface Options {
  /** Read and check a chart spec (`.vl.json`, `.vl.yaml`) at its real path. */
  readChart: (specFile: string) => ChartResult
  /**
   * Where pages find copied files, relative to a brief page (the chart's data file).
   * @default '../../media/'
   */
  baseUrl?: string
}

const chartPath = /\.vl\.(json|ya?ml)$/i

/**
 * Quarto's figures: a paragraph that is only `![Caption](file){#fig-x source="…" width="60%"}`
 * becomes `<figure id="fig-x">` with a numbered caption (markdown, may cite), the image and the
 * source. An image of a Vega-Lite spec is a chart: a slot the page fills with its SVG, and a
 * "Data" disclosure with its values and a link to its data file. Runs after remarkImages, which
 * checked the file and left its real path on the image's `data.path`.
 */
export function remarkFigures(options: Options) {
  const baseUrl = options.baseUrl ?? '../../media/'
  return function transform(tree: Root, file: VFile): void {
    const source = String(file.value ?? '')
    visit(tree, 'paragraph', (node: Paragraph, index, parent) => {
      if (!parent || index === undefined) return
      const found = readFigure(node, source)
      if (!found) return
      const { image, attributes } = found
      if (!checkId(file, attributes?.id, 'fig', node.position)) return SKIP
      const realPath = image.data?.path
      const isChart = chartPath.test(image.url.split(/[?#]/)[0] ?? '')
      if (!attributes && !isChart) return
      let content: Box['children'] = [image]
      let data: Box[] = []
      if (isChart) {
        if (!realPath) return SKIP
        const result = options.readChart(realPath)
        if (!result.ok) {
          reportError(file, result.message, image.position, 'invalid-chart', result.hint)
          return SKIP
        }
        // Note: a numbered chart's caption is its title; the spec's title stays its accessible name.
        if (attributes?.id) delete result.chart.spec['title']
        if (!result.chart.title) result.chart.title = withoutCitations(image.alt ?? '')
        const slot: Text = { type: 'text', value: '' }
        file.data.charts ??= []
        file.data.charts.push({ chart: result.chart, specFile: realPath, slot })
        content = [element('div', 'chart', [slot])]
        data = [dataTable(result.chart, baseUrl)]
      }
      const captionText = captionMarkdown(image, source)
      const sourceText = attributes ? attributeMarkdown(file, attributes, 'source') : []
      if (!isChart) image.alt = withoutCitations(image.alt ?? '')
      const width = attributes?.values.get('width')?.value
      const figure = box('figure', isChart ? 'figure chart-figure' : 'figure', [
        caption(file, 'fig', attributes?.id, captionText, node.position, sourceText),
        ...content,
        ...sourceLine(sourceText),
        ...data,
      ])
      const properties = figure.data?.hProperties ?? {}
      if (attributes?.id) properties['id'] = attributes.id
      if (isFigureWidth(width)) properties['dataFigureWidth'] = width
      parent.children.splice(index, 1, figure as RootContent as Paragraph)
      return SKIP
    })
  }
}

/** The image of a paragraph that is only an image and, maybe, an attribute block right after it. */
function readFigure(node: Paragraph, source: string) {
  const [image, ...rest] = node.children
  if (image?.type !== 'image' || !image.position || !node.position) return undefined
  const end = image.position.end.offset ?? 0
  const paragraphEnd = node.position.end.offset ?? 0
  const after = source.slice(end, paragraphEnd)
  if (after.trim() === '') return rest.length === 0 ? { image, attributes: undefined } : undefined
  const attributes = parseAttributes(source, end, end + after.trimEnd().length)
  return attributes ? { image, attributes } : undefined
}

/** An image's caption as markdown (its alt text as written, citations included), placed in the file. */
function captionMarkdown(image: Image, source: string): PhrasingContent[] {
  const start = (image.position?.start.offset ?? 0) + 2
  let depth = 0
  let end = start
  for (; end < source.length; end++) {
    const char = source[end]
    if (char === '\\') end++
    else if (char === '[') depth++
    else if (char === ']' && depth-- === 0) break
  }
  const point = location(source).toPoint(start)
  return point ? parseInline(source.slice(start, end), { ...point, offset: start }) : []
}

function withoutCitations(text: string): string {
  let plain = text
  for (const found of findCitations(text).reverse()) plain = plain.slice(0, found.start) + plain.slice(found.end)
  return plain.replace(/\s+/g, ' ').trim()
}

/** "Data": the chart's values as a table, and a link to its data file. */
function dataTable(chart: Chart, baseUrl: string): Box {
  const numeric = chart.columns.map((column) => chart.rows.every((row) => typeof row[column] !== 'string'))
  const cell = (value: unknown): TableRow['children'][number] => ({
    type: 'tableCell',
    children: [{ type: 'text', value: value === null || value === undefined ? '' : String(value) }],
  })
  const table: Table = {
    type: 'table',
    align: numeric.map((n) => (n ? 'right' : null)),
    children: [
      { type: 'tableRow', children: chart.columns.map(cell) },
      ...chart.rows.map((row): TableRow => ({ type: 'tableRow', children: chart.columns.map((c) => cell(row[c])) })),
    ],
  }
  const summary = element('summary', 'figure-data-summary', [{ type: 'text', value: labelSlot('data') }])
  const link: Paragraph[] = chart.dataFile
    ? [
        element('p', 'figure-data-file', [
          {
            type: 'link',
            url: `${baseUrl}${encodeURI(chart.dataFile.to.replace(/^media\//, ''))}`,
            children: [{ type: 'text', value: chart.dataFile.to.split('/').at(-1) ?? '' }],
          },
        ]),
      ]
    : []
  return box('details', 'figure-data', [summary, table, ...link])
}
