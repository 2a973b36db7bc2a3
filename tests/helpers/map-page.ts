import { createRequire } from 'node:module'
import type { Page } from 'puppeteer'

const require = createRequire(import.meta.url)

/** What a page shows wrong: text outside its node's shape, shapes overlapping, text under 11 px, a page that scrolls sideways. */
export function problems(): string[] {
  const found: string[] = []
  const svg = document.querySelector('svg.argument-map-svg') as SVGSVGElement
  const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width
  if (13 * scale < 10.9) found.push(`text at ${(13 * scale).toFixed(1)}px`)
  if (document.documentElement.scrollWidth > window.innerWidth) found.push('the page scrolls sideways')
  const nodes = [...svg.querySelectorAll('a.map-node')].map((a) => ({
    id: a.getAttribute('data-node'),
    shape: (a.querySelector('.map-shape') as SVGGraphicsElement).getBoundingClientRect(),
    text: (a.querySelector('text') as SVGTextElement).getBoundingClientRect(),
  }))
  for (const { id, shape, text } of nodes) {
    const out = text.left < shape.left - 0.5 || text.right > shape.right + 0.5
    if (out || text.top < shape.top - 0.5 || text.bottom > shape.bottom + 0.5) {
      found.push(
        `${id}: text ${[text.left, text.top, text.right, text.bottom].map(Math.round)} outside ${[shape.left, shape.top, shape.right, shape.bottom].map(Math.round)}`,
      )
    }
  }
  for (const [i, a] of nodes.entries()) {
    for (const b of nodes.slice(i + 1)) {
      const x = Math.min(a.shape.right, b.shape.right) - Math.max(a.shape.left, b.shape.left)
      const y = Math.min(a.shape.bottom, b.shape.bottom) - Math.max(a.shape.top, b.shape.top)
      if (x > 0.5 && y > 0.5) found.push(`${a.id} overlaps ${b.id}`)
    }
  }
  return found
}

/** axe-core's serious and critical findings on the page (a scrolling box one cannot reach by keyboard, an unnamed image …). */
export async function axeSerious(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') })
  return page.evaluate(async () => {
    type Result = { violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> }
    const axe = (window as unknown as { axe: { run: () => Promise<Result> } }).axe
    return (await axe.run()).violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
  })
}
