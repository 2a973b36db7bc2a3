import type { Chart } from '../../core/compiled.ts'
import type { ThemeFont } from '../../theme/theme.ts'
import { loadMeasure, type TextItem, weightOf } from '../text/measure.ts'
import { pageSvg } from './chart-svg.ts'
import { chartConfig, pageColours } from './chart-theme.ts'

/** Options of drawChart. */
export interface DrawOptions {
  /** The theme's fonts: labels are measured with them, and the SVG names their families. */
  fonts: readonly ThemeFont[]
  /** The language of the page the chart is in. */
  lang: string
  /**
   * The figure's id (`fig-prices`), from which the ids of the chart's `<title>` and `<desc>` are made.
   * @default 'chart'
   */
  id?: string
  /**
   * The width to draw at, for a chart whose spec sets none (a phone's narrower drawing).
   * @default 560
   */
  width?: number
}

/** The extent of a scenegraph item. */
interface Bounds {
  x1: number
  y1: number
  x2: number
  y2: number
}

/** vega-scenegraph's text measure, which layout and label placement call. */
interface TextMetrics {
  width: (item: TextItem, text: unknown) => number
}

/** The width of a chart that sets none: about a 42rem text column (axes and legend included). */
const defaultWidth = 560
/** The height of the plot of a chart that sets none (axes below it add to it). */
const defaultHeight = 260

// Note: vega measures text through one shared object; charts take turns so that each is
// measured with its own theme's fonts, and vega's own measure is back in place after each.
let queue: Promise<unknown> = Promise.resolve()

/**
 * A chart drawn as one inline `<svg>` by vega, without a browser: its text measured with the
 * theme's real fonts (so Chinese labels are neither clipped nor overlapped), coloured by the page's
 * CSS (`currentColor`, `--kind-1` … `--kind-8`, so it follows dark mode), scaled by its viewBox.
 * The same chart gives the same bytes.
 */
export function drawChart(chart: Chart, options: DrawOptions): Promise<string> {
  const drawn = queue.then(() => draw(chart, options))
  queue = drawn.catch(() => undefined)
  return drawn
}

async function draw(chart: Chart, options: DrawOptions): Promise<string> {
  const [vega, { compile }, measure] = await Promise.all([
    import('vega'),
    import('vega-lite'),
    loadMeasure(options.fonts),
  ])
  const spec = sized(withoutLinks(chart.spec) as Record<string, unknown>, options.width ?? defaultWidth)
  // Note: vega-lite's types are stricter than a spec read from a file; pipeline/chart-source.ts checked it.
  const compiled = compile(spec as never, {
    config: chartConfig(options.fonts, options.lang, options.width ?? defaultWidth) as never,
  })
  // Note: vega exports the measure vega-scenegraph lays out text with, but its types leave it out.
  const metrics = (vega as unknown as { textMetrics: TextMetrics }).textMetrics
  const estimate = metrics.width
  metrics.width = (item: TextItem, text: unknown) => {
    const line = text == null ? '' : String(text).trim()
    return (item.fontSize ?? 11) <= 0 || !line
      ? 0
      : measure(line, item.font ?? 'sans-serif', weightOf(item), item.fontSize ?? 11)
  }
  try {
    // Note: a chart loads nothing at all (its data is inline): vega's loader is given none to use.
    const loader = vega.loader()
    loader.sanitize = () => Promise.reject(new Error('A chart loads no files'))
    const view = new vega.View(vega.parse(compiled.spec), { renderer: 'none', loader })
    try {
      const svg = await view.toSVG()
      // Note: vega fits the plot, axes and legend to the width, not marks placed past the plot.
      const drawn = (view.scenegraph() as unknown as { root: { bounds: Bounds } }).root.bounds
      // Note: the root group is drawn at the origin plus the padding.
      const [x = 0, y = 0] = view.origin()
      const padding = view.padding()
      const left = x + (typeof padding === 'number' ? padding : (padding.left ?? 0))
      const top = y + (typeof padding === 'number' ? padding : (padding.top ?? 0))
      return pageSvg(
        svg,
        {
          id: options.id ?? 'chart',
          title: chart.title,
          description: chart.description,
          lang: options.lang,
          bounds: { x1: drawn.x1 + left, y1: drawn.y1 + top, x2: drawn.x2 + left, y2: drawn.y2 + top },
        },
        pageColours,
      )
    } finally {
      view.finalize()
    }
  } finally {
    metrics.width = estimate
  }
}

/**
 * The spec without `href` in encodings and marks: a chart in a page links nowhere, and vega checks
 * a link it refuses (`javascript:`) in a promise that rejects with nobody to catch it.
 */
function withoutLinks(value: unknown, parent?: string): unknown {
  if (Array.isArray(value)) return value.map((item) => withoutLinks(item))
  if (typeof value !== 'object' || value === null) return value
  const entries = Object.entries(value).filter(
    ([key]) => !(key === 'href' && (parent === 'encoding' || parent === 'mark')),
  )
  // Note: `data.values` is data, not spec: its fields may be called anything.
  return Object.fromEntries(entries.map(([key, item]) => [key, key === 'values' ? item : withoutLinks(item, key)]))
}

/** The spec with the default width and height of a single view (a concat or facet sizes itself). */
function sized(spec: Record<string, unknown>, defaultWidth: number): Record<string, unknown> {
  if (!('mark' in spec) && !('layer' in spec)) return spec
  // Note: `container` means the width of an element in a browser; here there is none.
  const width = spec.width === undefined || spec.width === 'container' ? defaultWidth : spec.width
  const height = spec.height === undefined || spec.height === 'container' ? defaultHeight : spec.height
  return { ...spec, width, height }
}
