/**
 * Where a chart goes in a compiled brief's HTML: the pipeline reads and checks a chart but draws
 * nothing (drawing needs the theme's fonts), so it leaves a slot, filled with the chart's SVG when
 * the page is rendered.
 */

const edge = '\uE000'
const slots = /\uE000chart\|(\d+)\uE000/g

/** The slot of a brief's chart number `index` (0-based, in reading order). */
export function chartSlot(index: number): string {
  return `${edge}chart|${index}${edge}`
}

/** Whether compiled HTML has a chart slot. */
export function hasChartSlots(html: string): boolean {
  return html.includes(`${edge}chart|`)
}

/** The HTML with each chart slot replaced by its drawing (`svgs[index]`, trusted markup), or by nothing. */
export function fillChartSlots(html: string, svgs: readonly string[]): string {
  return html.replace(slots, (_, index: string) => svgs[Number(index)] ?? '')
}
