import type { ThemeFont } from '../../theme/theme.ts'
import { fontFamilyList } from '../text/font-family.ts'

/** How many kind colours the page defines (`--kind-1` … `--kind-8` in the theme's style.css). */
const kindCount = 8

/**
 * Colours vega draws with that the SVG then names by the page's CSS: vega cannot draw with
 * `currentColor` or `var(--kind-1)` itself (it mixes and checks colours), so it gets unlikely
 * colours, and `pageColours` says what each becomes.
 */
const textSentinel = '#010203'
const kindSentinels = Array.from({ length: kindCount }, (_, i) => `#0102${(0x10 + i).toString(16)}`)

/** Each sentinel colour (lower case, as vega writes it) and the CSS colour it becomes in the page. */
export const pageColours: ReadonlyMap<string, string> = new Map([
  [textSentinel, 'currentColor'],
  ...kindSentinels.map((colour, i): [string, string] => [colour, `var(--kind-${i + 1})`]),
])

/**
 * The Vega-Lite config of a chart in a page: the theme's fonts at readable sizes, the kinds'
 * colours, text and lines in the page's text colour, no background, everything inside the view.
 */
export function chartConfig(fonts: readonly ThemeFont[], lang = 'en', width = 560): Record<string, unknown> {
  const font = fontFamilyList(fonts, lang)
  const text = { labelColor: textSentinel, titleColor: textSentinel, labelFontSize: 12, titleFontSize: 13 }
  return {
    font,
    background: null,
    padding: 6,
    autosize: { type: 'fit-x', contains: 'padding' },
    view: { stroke: null },
    range: { category: kindSentinels },
    mark: { color: kindSentinels[0] },
    // Note: the kinds' colours are dark; on a dark page thin lines would be hard to see.
    line: { strokeWidth: 2.5 },
    text: { color: textSentinel },
    axis: {
      ...text,
      titleFontWeight: 'bold',
      domainColor: textSentinel,
      tickColor: textSentinel,
      gridColor: textSentinel,
      gridOpacity: 0.15,
    },
    // Note: a narrow chart (a phone's) keeps its width for the plot, with the legend under it.
    legend: {
      ...text,
      titleFontWeight: 'bold',
      rowPadding: 5,
      ...(width < 450 ? { orient: 'bottom', direction: 'vertical' } : {}),
    },
    header: { ...text },
    title: {
      color: textSentinel,
      subtitleColor: textSentinel,
      fontSize: 13,
      subtitleFontSize: 12,
      anchor: 'start',
      offset: 10,
    },
  }
}
