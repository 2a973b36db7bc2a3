/**
 * The argument map of a brief: its reasoning as a graph. A thesis; each argument's claim, which
 * supports the thesis (or attacks it, `stance: con`) and may support or attack other claims; the works
 * cited under each claim; objections that attack a claim and responses that attack an objection.
 * The pipeline compiles it with the brief; render draws it; site exports it as Argdown and AIF.
 */

/** What a node of the map stands for. */
export type MapNodeKind = 'thesis' | 'claim' | 'evidence' | 'objection' | 'response'

/** One node of the map. */
export interface MapNode {
  /**
   * Unique in the brief and stable across builds: `thesis`, `claim-<argument id>`, `work-<citation key>`,
   * `objection-<argument id>-<n>`, `response-<argument id>-<n>` (n from 1, in reading order).
   */
  id: string
  kind: MapNodeKind
  /** Its text, plain (no markup, citations left out): the thesis, the claim, the work's short form and title, the objection's title, the response. */
  label: string
  /** Where the node leads in the brief's page: `#summary`, an argument's section, `#objection-…`, `#ref-<key>`. */
  href: string
  /** A claim's argument kind (its colour), a claim's argument id and stance. */
  argumentKind?: string
  argument?: string
  stance?: 'pro' | 'con'
}

/** A relation between two nodes: `from` supports or attacks `to`. */
export interface MapEdge {
  from: string
  to: string
  relation: 'support' | 'attack'
}

/** A brief's argument map: nodes in reading order (thesis first), then edges in the order they were found. */
export interface ArgumentMap {
  nodes: MapNode[]
  edges: MapEdge[]
}
