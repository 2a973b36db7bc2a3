/** Where Graphviz put a node: its centre, in px from the top left of the drawing. */
export interface Placed {
  x: number
  y: number
}

/**
 * An edge as Graphviz routed it, in px from the top left: `points` a cubic B-spline from the node
 * it points at to the other (start, then three points a curve), and `tip` where its arrow ends,
 * on the border of the node it points at.
 */
export interface Routed {
  tail: number
  head: number
  points: Array<[number, number]>
  tip: [number, number] | undefined
}

/** A map laid out: its size, each node's centre (by its index) and each edge's route, in the DOT order. */
export interface Layout {
  width: number
  height: number
  nodes: Map<number, Placed>
  edges: Routed[]
}

/** The part of Graphviz's `json` output a map reads. */
interface GraphvizJson {
  bb: string
  objects?: Array<{ _gvid: number; name: string; pos?: string }>
  edges?: Array<{ tail: number; head: number; pos?: string }>
}

type Graphviz = Awaited<ReturnType<typeof import('@hpcc-js/wasm-graphviz')['Graphviz']['load']>>

// Note: Graphviz's WASM (2.1 MB) is compiled once per process, and only when a brief has a map.
let graphviz: Promise<Graphviz> | undefined

/** Graphviz, loaded on first use. */
export function loadGraphviz(): Promise<Graphviz> {
  graphviz ??= import('@hpcc-js/wasm-graphviz').then(({ Graphviz }) => Graphviz.load())
  return graphviz
}

/**
 * Lay out a DOT graph with Graphviz's `dot` and read back its nodes (named `n<index>`) and edges,
 * turned from Graphviz's points (y up) to the SVG's (y down). The same graph gives the same layout.
 */
export async function layoutDot(dot: string): Promise<Layout> {
  const gv = await loadGraphviz()
  const json = JSON.parse(gv.layout(dot, 'json')) as GraphvizJson
  const [, , right = 0, top = 0] = json.bb.split(',').map(Number)
  const flip = ([x, y]: [number, number]): [number, number] => [x, top - y]
  const byGvid = new Map<number, number>()
  const nodes = new Map<number, Placed>()
  for (const object of json.objects ?? []) {
    const index = /^n(\d+)$/.exec(object.name)?.[1]
    if (index === undefined || !object.pos) continue
    byGvid.set(object._gvid, Number(index))
    const [x, y] = flip(point(object.pos))
    nodes.set(Number(index), { x, y })
  }
  const edges = (json.edges ?? []).map((edge): Routed => {
    const { points, tip } = spline(edge.pos ?? '')
    return {
      tail: byGvid.get(edge.tail) ?? -1,
      head: byGvid.get(edge.head) ?? -1,
      points: points.map(flip),
      tip: tip && flip(tip),
    }
  })
  return { width: right, height: top, nodes, edges }
}

function point(text: string): [number, number] {
  const [x = 0, y = 0] = text.split(',').map(Number)
  return [x, y]
}

/** An edge's `pos`: `s,x,y` (the arrow at its tail, `dir=back`), then the spline's points. */
function spline(pos: string): { points: Array<[number, number]>; tip: [number, number] | undefined } {
  let tip: [number, number] | undefined
  const points: Array<[number, number]> = []
  for (const part of pos.trim().split(/\s+/)) {
    if (part.startsWith('s,')) tip = point(part.slice(2))
    else if (part.startsWith('e,')) continue
    else if (part) points.push(point(part))
  }
  return { points, tip }
}
