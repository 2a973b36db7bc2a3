import { describe, expect, it } from 'vitest'
import { toDot } from '../../../src/render/map/dot.ts'
import { layoutDot } from '../../../src/render/map/layout.ts'
import type { SizedNode } from '../../../src/render/map/nodes.ts'
import { enMap } from '../../fixtures/argument-map/maps.ts'

// Note: sizes by hand, each node 144 x 36 px (2 x 0.5 inches), so no font is needed.
const sized: SizedNode[] = enMap.nodes.map((node) => ({
  node,
  lines: [node.label],
  truncated: false,
  width: 144,
  height: 36,
}))

describe('toDot', () => {
  const dot = toDot(enMap, sized)

  it('gives Graphviz fixed boxes of the measured size, in inches, and no label', () => {
    expect(dot).toContain('node [shape=box, fixedsize=true, label="", margin=0];')
    expect(dot).toContain('n0 [width=2, height=0.5, ordering=out];')
    expect(dot).toContain('n1 [width=2, height=0.5];')
    expect(dot).not.toContain(enMap.nodes[1]?.label ?? '?')
  })

  it('keeps the claims in one column and each response in its objection’s', () => {
    expect(dot).toContain('{ rank=same; n1; n2; n3; n4; n5; }')
    const objection = enMap.nodes.findIndex((n) => n.id === 'objection-environment-1')
    const response = enMap.nodes.findIndex((n) => n.id === 'response-environment-1')
    expect(dot).toContain(`{ rank=same; n${objection}; n${response}; }`)
  })

  it('points each edge from the node supported or attacked, its arrow kept there (dir=back)', () => {
    expect(dot).toContain('edge [dir=back, arrowsize=0.6];')
    expect(dot).toContain('n0 -> n1 [arrowtail=normal];')
    expect(dot).toContain('n0 -> n5 [arrowtail=tee];')
    // Note: policy (n1) supports economics (n3), an edge that must not reorder the claims.
    expect(dot).toContain('n3 -> n1 [arrowtail=normal, constraint=false];')
  })
})

describe('layoutDot', () => {
  it('places the thesis left of the claims, the claims in order left of their works, without overlaps', async () => {
    const layout = await layoutDot(toDot(enMap, sized))
    const x = (i: number) => layout.nodes.get(i)?.x ?? Number.NaN
    expect(x(0)).toBeLessThan(x(1))
    const work = enMap.nodes.findIndex((n) => n.kind === 'evidence')
    expect(x(1)).toBeLessThan(x(work))
    // Note: the claims top to bottom in the brief's order, though one supports another.
    const ys = [1, 2, 3, 4, 5].map((i) => layout.nodes.get(i)?.y ?? Number.NaN)
    expect(ys).toEqual([...ys].sort((a, b) => a - b))
    const boxes = [...layout.nodes.values()]
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) {
        expect(Math.abs(a.x - b.x) >= 144 || Math.abs(a.y - b.y) >= 36).toBe(true)
      }
    }
    expect(layout.edges).toHaveLength(enMap.edges.length)
    for (const edge of layout.edges) expect(edge.tip).toBeDefined()
  })
})
