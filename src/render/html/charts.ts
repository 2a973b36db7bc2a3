import type { CompiledBrief } from '../../core/compiled.ts'
import type { Theme } from '../../theme/theme.ts'

// Note: a brief's page and its print page show the same charts; each is drawn once per build and theme.
const drawn = new WeakMap<CompiledBrief, Map<Theme, Promise<string[]>>>()

/** The widths a chart is drawn at: for the text column and the PDF, and for a phone (about 340 px of column). */
const wide = 560
const narrow = 340

/**
 * A brief's charts drawn as SVG with the theme's fonts, in the order of their slots: each twice, for
 * wide and for narrow screens (the theme's stylesheet shows one: `.chart-wide`, `.chart-narrow`),
 * so that a phone gets labels it can read rather than a wide chart scaled down.
 */
export function briefCharts(brief: CompiledBrief, theme: Theme): Promise<string[]> {
  if (brief.charts.length === 0) return Promise.resolve([])
  const byTheme = drawn.get(brief) ?? new Map<Theme, Promise<string[]>>()
  drawn.set(brief, byTheme)
  let charts = byTheme.get(theme)
  if (!charts) {
    // Note: vega loads only when a page has a chart.
    charts = import('../chart/draw.ts').then(({ drawChart }) =>
      Promise.all(
        brief.charts.map(async (chart, i) => {
          const options = { fonts: theme.fonts, lang: brief.lang }
          const [wideSvg, narrowSvg] = await Promise.all([
            drawChart(chart, { ...options, id: `chart-${i + 1}`, width: wide }),
            drawChart(chart, { ...options, id: `chart-${i + 1}-narrow`, width: narrow }),
          ])
          return `<div class="chart-wide">${wideSvg}</div><div class="chart-narrow" data-pagefind-ignore="all">${narrowSvg}</div>`
        }),
      ),
    )
    byTheme.set(theme, charts)
  }
  return charts
}
