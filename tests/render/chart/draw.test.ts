import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Element, Root } from 'xast'
import { fromXml } from 'xast-util-from-xml'
import type { Chart } from '../../../src/core/compiled.ts'
import { drawChart } from '../../../src/render/chart/draw.ts'
import { loadMeasure, type MeasureText, weightOf } from '../../../src/render/text/measure.ts'
import { findTheme, loadTheme } from '../../../src/theme/theme.ts'

const content = path.resolve(import.meta.dirname, '../../../content')
const theme = loadTheme(findTheme(content, 'default') ?? '')
const options = { fonts: theme.fonts, lang: 'zh', id: 'fig-prices' }

function chart(spec: Record<string, unknown>, title = '价格', description = 'Prices by month'): Chart {
  return { spec, title, description, columns: [], rows: [], dataFile: undefined }
}

const categories = ['2021年2月', '2024年2月', '阿根廷', '比特币挖矿', 'United States of America']
const bar = (extra: Record<string, unknown> = {}) =>
  chart({
    title: '比特币挖矿的算力份额',
    data: { values: categories.map((c, i) => ({ c, v: 10 + 7 * i, k: i % 3 === 0 ? '阿根廷' : 'Other' })) },
    mark: 'bar',
    encoding: {
      x: { field: 'c', type: 'nominal', title: '国家或时间', sort: null, ...extra },
      y: { field: 'v', type: 'quantitative', title: '份额 (%)' },
      color: { field: 'k', type: 'nominal', title: '类别' },
    },
  })
const sideways = chart({
  data: {
    values: ['比特币挖矿的能源消耗', '阿根廷的电价补贴政策', 'Hash rate'].map((c, i) => ({
      c,
      v: 3 + i,
      k: `${c}类别`,
    })),
  },
  mark: 'bar',
  encoding: {
    y: { field: 'c', type: 'nominal', title: null },
    x: { field: 'v', type: 'quantitative', title: '太瓦时' },
    color: { field: 'k', type: 'nominal', title: null },
  },
})
const line = chart({
  data: {
    values: Array.from({ length: 24 }, (_, i) => ({
      d: `${2020 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-01`,
      p: 30000 + 1000 * i,
      s: i % 2 ? '价格' : 'Price',
    })),
  },
  mark: 'line',
  encoding: {
    x: { field: 'd', type: 'temporal', title: '日期' },
    y: { field: 'p', type: 'quantitative', title: '价格（美元）' },
    color: { field: 's', type: 'nominal' },
  },
})

type Matrix = [number, number, number, number, number, number]
const identity: Matrix = [1, 0, 0, 1, 0, 0]
const multiply = ([a, b, c, d, e, f]: Matrix, [g, h, i, j, k, l]: Matrix): Matrix => [
  a * g + c * h,
  b * g + d * h,
  a * i + c * j,
  b * i + d * j,
  a * k + c * l + e,
  b * k + d * l + f,
]

/** An SVG `transform` of translate() and rotate() as a matrix. */
function parseTransform(value: string | null | undefined): Matrix {
  let matrix = identity
  for (const [, name, args] of (value ?? '').matchAll(/(translate|rotate)\(([^)]*)\)/g)) {
    const [x = 0, y = 0] = (args ?? '').split(/[\s,]+/).map(Number)
    const r = (x * Math.PI) / 180
    matrix = multiply(
      matrix,
      name === 'translate' ? [1, 0, 0, 1, x, y] : [Math.cos(r), Math.sin(r), -Math.sin(r), Math.cos(r), 0, 0],
    )
  }
  return matrix
}

interface Box {
  text: string
  role: string
  left: number
  right: number
  top: number
  bottom: number
}

/** Every `<text>` of the SVG with the box its glyphs take, as measured with the theme's fonts. */
function textBoxes(svg: string, measure: MeasureText): Box[] {
  const boxes: Box[] = []
  const walk = (node: Element, matrix: Matrix, role: string) => {
    const here = multiply(matrix, parseTransform(node.attributes.transform))
    const className = node.attributes.class ?? ''
    const ownRole = /role-[\w-]+/.exec(className)?.[0] ?? role
    if (node.name === 'text') {
      const text = node.children.map((child) => (child.type === 'text' ? child.value : '')).join('')
      const size = Number.parseFloat(node.attributes['font-size'] ?? '11')
      const width = measure(
        text,
        node.attributes['font-family'] ?? '',
        weightOf({ fontWeight: node.attributes['font-weight'] ?? 'normal' }),
        size,
      )
      const anchor = node.attributes['text-anchor'] ?? 'start'
      const x0 = anchor === 'middle' ? -width / 2 : anchor === 'end' ? -width : 0
      const x = Number(node.attributes.x ?? 0)
      const y = Number(node.attributes.y ?? 0)
      // Note: Noto's ascender and descender are about 1.07 and 0.29 em.
      const corners = [
        [x + x0, y - 1.07 * size],
        [x + x0 + width, y - 1.07 * size],
        [x + x0, y + 0.29 * size],
        [x + x0 + width, y + 0.29 * size],
      ].map(([px = 0, py = 0]) => [here[0] * px + here[2] * py + here[4], here[1] * px + here[3] * py + here[5]])
      boxes.push({
        text,
        role: ownRole,
        left: Math.min(...corners.map((c) => c[0] ?? 0)),
        right: Math.max(...corners.map((c) => c[0] ?? 0)),
        top: Math.min(...corners.map((c) => c[1] ?? 0)),
        bottom: Math.max(...corners.map((c) => c[1] ?? 0)),
      })
    }
    for (const child of node.children) if (child.type === 'element') walk(child, here, ownRole)
  }
  walk(rootOf(svg), identity, '')
  return boxes
}

function rootOf(svg: string): Element {
  const tree: Root = fromXml(svg)
  const root = tree.children[0]
  if (root?.type !== 'element') throw new Error('no root element')
  return root
}

function viewBox(svg: string): [number, number, number, number] {
  const [x = 0, y = 0, width = 0, height = 0] = (rootOf(svg).attributes.viewBox ?? '').split(' ').map(Number)
  return [x, y, width, height]
}

describe('drawChart', () => {
  let measure: MeasureText
  let barSvg: string
  let lineSvg: string
  beforeAll(async () => {
    measure = await loadMeasure(theme.fonts)
    barSvg = await drawChart(bar(), options)
    lineSvg = await drawChart(line, options)
  })

  for (const [name, svg, extra] of [
    ['bar chart with Chinese labels', () => barSvg, {}],
    ['bar chart with horizontal Chinese labels', undefined, { axis: { labelAngle: 0, labelOverlap: true } }],
    ['line chart', () => lineSvg, {}],
    ['sideways bar chart with Chinese labels on the left and in the legend', undefined, sideways],
  ] as const) {
    it(`keeps every text of a ${name} inside its viewBox, labels apart`, async () => {
      const drawn = svg ? svg() : await drawChart('spec' in extra ? extra : bar(extra), options)
      const [x, y, width, height] = viewBox(drawn)
      const boxes = textBoxes(drawn, measure)
      expect(boxes.length).toBeGreaterThan(8)
      for (const box of boxes) {
        expect(box.left, box.text).toBeGreaterThanOrEqual(x - 0.5)
        expect(box.right, box.text).toBeLessThanOrEqual(x + width + 0.5)
        expect(box.top, box.text).toBeGreaterThanOrEqual(y - 0.5)
        expect(box.bottom, box.text).toBeLessThanOrEqual(y + height + 0.5)
      }
      const labels = boxes.filter((box) => box.role === 'role-axis-label')
      for (const [i, a] of labels.entries()) {
        for (const b of labels.slice(i + 1)) {
          const apart =
            a.right <= b.left + 0.5 || b.right <= a.left + 0.5 || a.bottom <= b.top + 0.5 || b.bottom <= a.top + 0.5
          expect(apart, `${a.text} / ${b.text}`).toBe(true)
        }
      }
    })
  }

  it('draws every Chinese category label in full', () => {
    const texts = textBoxes(barSvg, measure).map((box) => box.text)
    for (const label of categories) expect(texts).toContain(label)
  })

  it('is an image named by its title and description, scaled by a viewBox', () => {
    const root = rootOf(barSvg)
    expect(root.name).toBe('svg')
    expect(root.attributes.role).toBe('img')
    expect(root.attributes.width).toBeUndefined()
    expect(root.attributes.height).toBeUndefined()
    expect(root.attributes.viewBox).toMatch(/^0 0 560 \d+$/)
    expect(root.attributes['aria-labelledby']).toBe('fig-prices-title fig-prices-desc')
    expect(barSvg).toContain(
      '<title id="fig-prices-title">价格</title><desc id="fig-prices-desc">Prices by month</desc>',
    )
  })

  it("draws in the page's text colour and the kinds' colours, on no background", () => {
    expect(barSvg).toMatch(/<text [^>]*fill="currentColor"/)
    expect(barSvg).toMatch(/stroke="currentColor" stroke-opacity="0.15"/)
    expect(barSvg).toContain('fill="var(--kind-1)"')
    expect(barSvg).toContain('fill="var(--kind-2)"')
    expect(lineSvg).toContain('stroke="var(--kind-1)"')
    expect(barSvg).not.toMatch(/#0102/)
    expect(barSvg).not.toMatch(/fill="(white|#fff)"/)
    // Note: a Chinese page sets its text in the CJK family first (the themes' `:lang(zh)`), so its chart names it first.
    expect(barSvg).toContain('font-family="&#x22;Noto Sans SC&#x22;, &#x22;Noto Sans&#x22;, sans-serif"')
  })

  it("puts vega's own text measure back after drawing", async () => {
    const { textMetrics } = (await import('vega')) as unknown as { textMetrics: { width: unknown } }
    const before = textMetrics.width
    await drawChart(line, options)
    expect(textMetrics.width).toBe(before)
  })

  it('gives the same bytes for the same chart', async () => {
    expect(await drawChart(bar(), options)).toBe(barSvg)
    expect(await drawChart(line, options)).toBe(lineSvg)
  })

  it('gives clip paths and gradients ids of its own, the same each time (vega counts on from chart to chart)', async () => {
    const clipped = chart({
      data: {
        values: [
          { a: 1, b: 2 },
          { a: 5, b: 9 },
        ],
      },
      mark: { type: 'line', clip: true },
      encoding: {
        x: { field: 'a', type: 'quantitative', scale: { domain: [0, 3] } },
        y: { field: 'b', type: 'quantitative' },
        color: { field: 'b', type: 'quantitative' },
      },
    })
    const [first, second, other] = [
      await drawChart(clipped, options),
      await drawChart(clipped, options),
      await drawChart(clipped, { ...options, id: 'fig-other' }),
    ]
    expect(second).toBe(first)
    const ids = [...first.matchAll(/ id="([^"]+)"/g)].map((match) => match[1])
    expect(ids.length).toBeGreaterThan(3)
    for (const id of ids) expect(id).toMatch(/^fig-prices-/)
    for (const [, id] of first.matchAll(/url\(#([^)]+)\)/g)) expect(ids).toContain(id)
    expect(other).not.toContain('fig-prices')
  })

  it('keeps script and links out: text from the data is escaped, hrefs dropped', async () => {
    const svg = await drawChart(
      chart(
        {
          data: { values: [{ c: '<script>alert(1)</script>', v: 1, u: 'javascript:alert(1)' }] },
          mark: 'bar',
          encoding: {
            x: { field: 'c', type: 'nominal' },
            y: { field: 'v', type: 'quantitative' },
            href: { field: 'u', type: 'nominal' },
          },
        },
        '<script>x</script>',
        '" onload="alert(1)',
      ),
      options,
    )
    expect(svg).not.toMatch(/<script/i)
    expect(svg).not.toMatch(/href/i)
    const attributes = (node: Element): string[] => [
      ...Object.keys(node.attributes),
      ...node.children.flatMap((child) => (child.type === 'element' ? attributes(child) : [])),
    ]
    expect(attributes(rootOf(svg)).filter((name) => /^on|href/i.test(name))).toEqual([])
    expect(svg).toContain('&#x3C;script>alert(1)&#x3C;/script>')
    expect(svg).toContain('<title id="fig-prices-title">&#x3C;script>x&#x3C;/script></title>')
  })
})
