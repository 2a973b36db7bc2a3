import type { Chart, CompiledBrief } from '../../core/compiled.ts'
import type { Theme } from '../../theme/theme.ts'

/** The widths a chart is drawn at: for the text column and the PDF, and for a phone (about 340 px of column). */
const wide = 560
const narrow = 340

// Note: a brief's page and its print page show the same charts; each is drawn once per theme and width.
const drawn = new WeakMap<Theme, WeakMap<Chart, Map<string, Promise<string>>>>()

/**
 * A brief's charts drawn as SVG with the theme's fonts, in the order of their slots. For a web page
 * each is drawn twice, for wide and for narrow screens (the theme's stylesheet shows one:
 * `.chart-wide`, `.chart-narrow`), so that a phone gets labels it can read rather than a wide chart
 * scaled down; for the page a PDF is printed from, once.
 */
export function briefCharts(brief: CompiledBrief, theme: Theme, { forPrint = false } = {}): Promise<string[]> {
  return Promise.all(
    brief.charts.map(async (chart, i) => {
      const id = `chart-${i + 1}`
      const wideSvg = `<div class="chart-wide">${await draw(chart, brief.lang, theme, id, wide)}</div>`
      if (forPrint) return wideSvg
      const narrowSvg = await draw(chart, brief.lang, theme, `${id}-narrow`, narrow)
      return `${wideSvg}<div class="chart-narrow" data-pagefind-ignore="all">${narrowSvg}</div>`
    }),
  )
}

/**
 * Stand-ins for a brief's charts where they need not be drawn (`check`, which writes nothing): the
 * text a drawing could show (its title, description, spec and data), hidden, so that the check of
 * the PDF fonts still sees every character, and no time goes on drawing.
 */
export function chartStandIns(brief: CompiledBrief): string[] {
  return brief.charts.map((chart) => {
    const text = [chart.title, chart.description, JSON.stringify(chart.spec), '\u2212'].join(' ')
    return `<span hidden>${text.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</span>`
  })
}

function draw(chart: Chart, lang: string, theme: Theme, id: string, width: number): Promise<string> {
  const byChart = drawn.get(theme) ?? new WeakMap<Chart, Map<string, Promise<string>>>()
  drawn.set(theme, byChart)
  const byKey = byChart.get(chart) ?? new Map<string, Promise<string>>()
  byChart.set(chart, byKey)
  const key = `${id}\0${width}`
  let svg = byKey.get(key)
  if (!svg) {
    // Note: vega loads only when a page has a chart.
    svg = import('../chart/draw.ts').then(({ drawChart }) => drawChart(chart, { fonts: theme.fonts, lang, id, width }))
    byKey.set(key, svg)
  }
  return svg
}
