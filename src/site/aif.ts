import type { ArgumentMap } from '../core/argument-map.ts'
import type { CompiledBrief } from '../core/compiled.ts'
import type { OutputFile } from '../core/output.ts'
import { aifPath } from '../core/paths.ts'

/** A node of AIF as AIFdb writes it: an I-node (a proposition) or an S-node (RA: an inference, CA: a conflict). */
export interface AifNode {
  nodeID: string
  text: string
  type: 'I' | 'RA' | 'CA'
  /** `2026-11-25 00:00:00`. */
  timestamp: string
}

/** A directed edge of AIF: an I-node into an S-node, or an S-node into an I-node. */
export interface AifEdge {
  edgeID: string
  fromID: string
  toID: string
  formEdgeID: null
}

/** An argument graph in AIFdb's JSON (`nodes`, `edges`, `locutions`). */
export interface AifDocument {
  nodes: AifNode[]
  edges: AifEdge[]
  locutions: []
}

/**
 * A brief's argument map in AIF: one I-node per node of the map (thesis, claims, works, objections,
 * responses, in the map's order), then for each edge an RA-node (support) or a CA-node (attack) between
 * its two I-nodes. Ids are numbers counted in that order, as AIFdb's are, so the same map gives the same
 * file; `timestamp` is the brief's date, never the time of the build.
 */
export function aifDocument(map: ArgumentMap, timestamp: string): AifDocument {
  const ids = new Map(map.nodes.map((node, i) => [node.id, String(i + 1)]))
  const nodes: AifNode[] = map.nodes.map((node) => ({
    nodeID: ids.get(node.id) as string,
    text: node.label.replace(/\s+/g, ' ').trim(),
    type: 'I',
    timestamp,
  }))
  const edges: AifEdge[] = []
  const edge = (fromID: string, toID: string) =>
    edges.push({ edgeID: String(edges.length + 1), fromID, toID, formEdgeID: null })
  for (const { from, to, relation } of map.edges) {
    const fromID = ids.get(from)
    const toID = ids.get(to)
    if (fromID === undefined || toID === undefined) continue
    const nodeID = String(nodes.length + 1)
    const support = relation === 'support'
    nodes.push({
      nodeID,
      text: support ? 'Default Inference' : 'Default Conflict',
      type: support ? 'RA' : 'CA',
      timestamp,
    })
    edge(fromID, nodeID)
    edge(nodeID, toID)
  }
  return { nodes, edges, locutions: [] }
}

/** `<lang>/<slug>/<slug>.aif.json` for a brief whose map has nodes; nothing for one without. */
export function aifFiles(brief: CompiledBrief): OutputFile[] {
  if (brief.argumentMap.nodes.length === 0) return []
  // Note: the date the brief says it was published or updated, so a rebuild writes the same bytes.
  const timestamp = `${brief.meta.updated ?? brief.meta.date} 00:00:00`
  return [{ path: aifPath(brief), content: `${JSON.stringify(aifDocument(brief.argumentMap, timestamp), null, 2)}\n` }]
}
