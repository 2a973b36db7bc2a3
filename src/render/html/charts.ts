import type { CompiledBrief } from '../../core/compiled.ts'
import type { Theme } from '../../theme/theme.ts'

// Note: a brief's page and its print page show the same charts; each is drawn once per build and theme.
const drawn = new WeakMap<CompiledBrief, Map<Theme, Promise<string[]>>>()

/** A brief's charts drawn as SVG with the theme's fonts, in the order of their slots. */
export function briefCharts(brief: CompiledBrief, theme: Theme): Promise<string[]> {
  if (brief.charts.length === 0) return Promise.resolve([])
  let byTheme = drawn.get(brief)
  if (!byTheme) drawn.set(brief, (byTheme = new Map()))
  let charts = byTheme.get(theme)
  if (!charts) {
    // Note: vega loads only when a page has a chart.
    charts = import('../chart/draw.ts').then(({ drawChart }) =>
      Promise.all(
        brief.charts.map((chart, i) =>
          drawChart(chart, { fonts: theme.fonts, lang: brief.lang, id: `chart-${i + 1}` }),
        ),
      ),
    )
    byTheme.set(theme, charts)
  }
  return charts
}
