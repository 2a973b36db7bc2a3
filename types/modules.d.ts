// Minimal types for the untyped packages briefkit uses.

declare module 'citeproc' {
  /** A CSL-JSON item. */
  export type CslItem = { id: string; type: string; [field: string]: unknown }
  export interface CitationItem {
    id: string
    locator?: string
    label?: string
    prefix?: string
    suffix?: string
    'suppress-author'?: boolean
    'author-only'?: boolean
  }
  export interface Sys {
    retrieveLocale(lang: string): string | undefined
    retrieveItem(id: string): CslItem | undefined
  }
  export interface BibliographyMeta {
    entry_ids: string[][]
    bibstart: string
    bibend: string
  }
  export class Engine {
    constructor(sys: Sys, style: string, lang?: string, forceLang?: boolean)
    opt: { development_extensions: Record<string, boolean>; xclass?: string }
    registry: { registry: Record<string, { seq: number } | undefined> }
    updateItems(ids: string[]): void
    updateUncitedItems(ids: string[]): void
    makeCitationCluster(items: CitationItem[]): string
    makeBibliography(): [BibliographyMeta, string[]] | false
    restoreProcessorState(citations: []): void
  }
  const CSL: { Engine: typeof Engine }
  export default CSL
}

declare module '@citation-js/core' {
  export class Cite {
    constructor(data: unknown, options?: Record<string, unknown>)
    data: Array<Record<string, unknown>>
    format(name: string, options?: Record<string, unknown>): string
  }
  export const plugins: {
    config: { get(name: string): { format: Record<string, unknown> } }
    input: { chain(data: unknown, options: Record<string, unknown>): unknown }
  }
}

declare module '@citation-js/plugin-bibtex'
declare module '@citation-js/plugin-ris'
