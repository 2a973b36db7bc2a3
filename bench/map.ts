// npx tsx bench/map.ts [--n 20]: how long drawMap takes per brief, with the default theme's fonts:
// the first map (loading Graphviz's WASM, harfbuzz and the fonts), the first in English, and the median of the others,
// maps of 2 to 8 claims, 3 to 30 works, 0 to 5 objections, in Chinese and English in turn.
import path from 'node:path'
import { parseArgs } from 'node:util'
import type { ArgumentMap, MapEdge, MapNode } from '../src/core/argument-map.ts'
import { drawMap } from '../src/render/map/draw.ts'
import { mapWords } from '../src/render/map/words.ts'
import { loadTheme } from '../src/theme/theme.ts'
import { enMap, zhMap } from '../tests/fixtures/argument-map/maps.ts'

const { values } = parseArgs({ options: { n: { type: 'string', default: '20' } } })
const theme = loadTheme(path.resolve(import.meta.dirname, '..', 'templates', 'default'))

/** A map of `claims` claims, `works` works and `objections` objections (every other answered), labels from a fixture's. */
function sizedMap(base: ArgumentMap, claims: number, works: number, objections: number): ArgumentMap {
  const label = (kind: MapNode['kind'], i: number) => {
    const of = base.nodes.filter((n) => n.kind === kind)
    return `${of[i % of.length]?.label ?? kind} ${i + 1}`
  }
  const nodes: MapNode[] = [{ ...(base.nodes[0] as MapNode) }]
  const edges: MapEdge[] = []
  for (let c = 0; c < claims; c++) {
    nodes.push({ id: `claim-${c}`, kind: 'claim', label: label('claim', c), href: `#a${c}`, argumentKind: `k${c % 5}` })
    edges.push({ from: `claim-${c}`, to: 'thesis', relation: c === claims - 1 ? 'attack' : 'support' })
  }
  for (let w = 0; w < works; w++) {
    nodes.push({ id: `work-${w}`, kind: 'evidence', label: label('evidence', w), href: `#ref-${w}` })
    edges.push({ from: `work-${w}`, to: `claim-${w % claims}`, relation: 'support' })
    if (w % 4 === 0) edges.push({ from: `work-${w}`, to: `claim-${(w + 1) % claims}`, relation: 'support' })
  }
  for (let o = 0; o < objections; o++) {
    nodes.push({ id: `objection-${o}`, kind: 'objection', label: label('objection', o), href: `#o${o}` })
    edges.push({ from: `objection-${o}`, to: `claim-${o % claims}`, relation: 'attack' })
    if (o % 2 === 0) {
      nodes.push({ id: `response-${o}`, kind: 'response', label: label('response', o), href: `#r${o}` })
      edges.push({ from: `response-${o}`, to: `objection-${o}`, relation: 'attack' })
    }
  }
  if (claims > 2) edges.push({ from: 'claim-0', to: 'claim-1', relation: 'support' })
  return { nodes, edges }
}

const draw = (map: ArgumentMap, lang: string) =>
  drawMap(map, { fonts: theme.fonts, lang, words: mapWords(theme.strings(lang)) })

let started = performance.now()
await draw(zhMap, 'zh')
const first = performance.now() - started
// Note: the first English map shapes Latin text in Noto Sans for the first time (harfbuzz reads its tables then).
started = performance.now()
await draw(enMap, 'en')
const firstEnglish = performance.now() - started
const times: Array<{ ms: number; nodes: number }> = []
for (let i = 1; i <= Number(values.n); i++) {
  const lang = i % 2 ? 'en' : 'zh'
  const map = sizedMap(lang === 'en' ? enMap : zhMap, 2 + (i % 7), 3 + ((i * 7) % 28), i % 6)
  started = performance.now()
  await draw(map, lang)
  times.push({ ms: performance.now() - started, nodes: map.nodes.length })
}
times.sort((a, b) => a.ms - b.ms)
const median = times[Math.floor(times.length / 2)]?.ms ?? 0
const slowest = times.at(-1)
console.log(`first map (Chinese, the sample's shape, 24 nodes): ${first.toFixed(0)} ms`)
console.log(`first English map: ${firstEnglish.toFixed(0)} ms`)
console.log(
  `then, median of ${times.length} maps of ${Math.min(...times.map((t) => t.nodes))}-${Math.max(...times.map((t) => t.nodes))} nodes: ${median.toFixed(1)} ms per map (max ${(slowest?.ms ?? 0).toFixed(1)} ms, ${slowest?.nodes} nodes)`,
)
