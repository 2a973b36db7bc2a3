// npx tsx bench/charts.ts [--n 30]: how long drawChart takes per chart, with the default theme's
// fonts: the first chart (loading vega, harfbuzz and the fonts) and the median of the others
// (bar and line charts, with Chinese labels, in turn).
import path from 'node:path'
import { parseArgs } from 'node:util'
import type { Chart } from '../src/core/compiled.ts'
import { drawChart } from '../src/render/chart/draw.ts'
import { loadTheme } from '../src/theme/theme.ts'

const { values } = parseArgs({ options: { n: { type: 'string', default: '30' } } })
const theme = loadTheme(path.resolve(import.meta.dirname, '..', 'templates', 'default'))
const chart = (spec: Record<string, unknown>): Chart => ({
  spec,
  title: '比特币',
  description: '',
  columns: [],
  rows: [],
  dataFile: undefined,
})
const bar = (seed: number) =>
  chart({
    title: '比特币挖矿的算力份额',
    data: {
      values: ['2021年2月', '2024年2月', '阿根廷', '比特币挖矿', 'United States', '哈萨克斯坦'].map((c, i) => ({
        c,
        v: ((seed + i) * 37) % 100,
      })),
    },
    mark: 'bar',
    encoding: {
      x: { field: 'c', type: 'nominal', title: '国家或时间' },
      y: { field: 'v', type: 'quantitative', title: '份额 (%)' },
      color: { field: 'c', type: 'nominal', legend: null },
    },
  })
const line = (seed: number) =>
  chart({
    data: {
      values: Array.from({ length: 48 }, (_, i) => ({
        d: `${2020 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-01`,
        p: 30000 + ((seed * 7919 + i * 104729) % 40000),
        s: i % 2 ? '价格' : 'Price',
      })),
    },
    mark: 'line',
    encoding: {
      x: { field: 'd', type: 'temporal', title: '日期' },
      y: { field: 'p', type: 'quantitative', title: '价格（美元）' },
      color: { field: 's', type: 'nominal', title: '系列' },
    },
  })

const options = { fonts: theme.fonts, lang: 'zh' }
let started = performance.now()
await drawChart(bar(0), options)
const first = performance.now() - started
const times: number[] = []
for (let i = 1; i <= Number(values.n); i++) {
  started = performance.now()
  await drawChart(i % 2 ? line(i) : bar(i), options)
  times.push(performance.now() - started)
}
times.sort((a, b) => a - b)
const median = times[Math.floor(times.length / 2)] ?? 0
console.log(`first chart: ${first.toFixed(0)} ms`)
console.log(
  `then, median of ${times.length}: ${median.toFixed(1)} ms per chart (max ${(times.at(-1) ?? 0).toFixed(1)} ms)`,
)
