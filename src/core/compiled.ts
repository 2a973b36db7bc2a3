import type { CslItem } from 'citeproc'
import type { ElementContent } from 'hast'
import type { BlockContent, DefinitionContent, Parent, PhrasingContent, Text } from 'mdast'
import type { Point, Position } from 'unist'
import type { ArgumentMap } from './argument-map.ts'
import type { CitationCluster } from './citation.ts'
import type { BriefMeta } from './front-matter.ts'

/** The markdown files of one edition of a brief, with their text: where a character of its PDF comes from. */
export interface SourceText {
  path: string
  text: string
}

/** One argument, ready for a template. */
export interface CompiledArgument {
  /** Section id: the kind, with `-2`, `-3` for repeats. */
  id: string
  kind: string
  title: string
  claimHtml: string
  /** The claim for pages that list arguments: links relative to the site's root. */
  listClaimHtml: string
  html: string
}

/** One edition of a brief, ready for a template. */
export interface CompiledBrief {
  slug: string
  /** brief.md of this edition, for messages about the whole brief. */
  sourcePath: string
  lang: string
  meta: BriefMeta
  summaryHtml: string
  /** The summary for pages that list briefs: its citations link to the brief page, relative to the site's root. */
  homeSummaryHtml: string
  /** The summary as plain text without citations, for the meta description. */
  summaryText: string
  keyFindingsHtml: string[]
  introHtml: string
  arguments: CompiledArgument[]
  conclusion: { title: string | undefined; html: string } | undefined
  recommendationsHtml: string[]
  /** Dated corrections, newest first; each text is inline HTML. */
  errata: Array<{ date: string; html: string }>
  references: Reference[]
  /** The brief itself as a work: its CSL item and its reference in its style ("Cite this brief"). */
  citeThis: { item: CslItem; html: string }
  /** Whether the style cites by number (the reference list then shows the numbers). */
  numeric: boolean
  assets: Asset[]
  /** Its charts, in the order of their slots in the HTML (`core/chart-slots.ts`). */
  charts: Chart[]
  /**
   * Files compiling read besides the brief's markdown and bibliography (chart specs and their data),
   * each with a hash of its bytes: a cached brief is used only while they are unchanged.
   */
  inputs: Array<{ path: string; hash: string }>
  /** Links the author wrote to places in the site, checked once every page is known. */
  links: InternalLink[]
  /** Its markdown files' text (brief.md, conclusion.md, then arguments/ by name), to say where a character came from. */
  sources: SourceText[]
  /** `thesis:` as inline HTML, when the brief states one (the map's root; else the title stands for it). */
  thesisHtml?: string
  /** Its reasoning as a graph: thesis, claims, evidence, objections and responses (`core/argument-map.ts`). */
  argumentMap: ArgumentMap
}

/** One entry of a brief's reference list. */
export interface Reference {
  id: string
  /** The entry as citeproc formats it, sanitized. */
  html: string
  /** The work's own language (CSL `language`), so a page can set fonts and quotes for it. */
  lang: string | undefined
  /** The work's data, for metadata about the brief's sources. */
  item: CslItem | undefined
  /** Ids of the citations of this work, in reading order, for links back to them (none for `nocite:`). */
  citedAt: string[] /** How the style names the work in a citation, plain: `[3]`, `Nakamoto 2008`; only for works cited in the text. */
  short?: string
}

/** A link an author wrote to a place in the site: `#id` on its own page, or a relative path. */
export interface InternalLink {
  url: string
  /** The file it is written in, and where. */
  path: string
  line: number
  column: number
}

/**
 * A chart from a Vega-Lite spec (`![Caption](figures/x.vl.json){#fig-x}`): read and checked when the
 * brief is compiled (pipeline/chart-source.ts), drawn as SVG with the theme's fonts when its page is
 * rendered (render/chart/).
 */
export interface Chart {
  /** The Vega-Lite spec as written, its data inline (`data.values`) instead of `data.url`. */
  spec: Record<string, unknown>
  /** Its accessible name and description (the spec's `title` and `description`, else the caption). */
  title: string
  description: string
  /** The data, for the table under "Data": its columns in order, and its rows. */
  columns: string[]
  rows: Array<Record<string, string | number | boolean | null>>
  /** The data file, copied beside the page so that the table can link it; undefined for inline values. */
  dataFile: Asset | undefined
}

/** A chart read and checked, or what is wrong with it and what to do. */
export type ChartResult = { ok: true; chart: Chart } | { ok: false; message: string; hint: string }

/** A local file a page uses, copied into the out dir. */
export interface Asset {
  /** Absolute path of the source file. */
  from: string
  /** Path inside the out dir, with `/`. */
  to: string
  /** A chart's data file (CSV, TSV or JSON), linked from its data table, rather than an image. */
  data?: true
}

/**
 * An mdast node that is only an HTML element around its children, named by `data.hName`: a figure,
 * a chart's data disclosure, a big number and a row of them.
 */
export interface Box extends Parent {
  type: 'box'
  children: Array<BlockContent | DefinitionContent | PhrasingContent>
}

/** What a cross-reference may point to: a numbered figure (charts too), table or section. */
export interface Target {
  /** As written: `fig-prices`, `tbl-costs`, `sec-costs`. */
  id: string
  kind: 'fig' | 'tbl' | 'sec'
  position: Position | undefined
  /** The text node that gets its label ("Figure 1.") once the brief's figures are numbered. */
  label: Text
  /** A section's heading depth (2 for `##`), and its text for a heading that has no number. */
  depth?: number
  title?: string
  /** Whether its caption or `source=` cites anything (figures and tables). */
  cited?: boolean
}

/** A cross-reference in the text (`@fig-x`, `[-@fig-x]`), to be labelled once targets are numbered. */
export interface CrossReference {
  id: string
  /** `[-@fig-x]`: the number alone. */
  bare: boolean
  position: Position | undefined
  /** The text node inside its link that gets "Figure 1". */
  label: Text
}

declare module 'mdast' {
  interface ImageData {
    /** The real path of a local image, checked to be inside the content folder (remarkImages). */
    path?: string
  }
  interface BlockContentMap {
    box: Box
  }
  interface RootContentMap {
    box: Box
  }
}

declare module 'vfile' {
  interface DataMap {
    /** Numbered figures, tables and sections of this unit, in document order. */
    targets: Target[]
    /** Cross-references in this unit, in document order. */
    crossReferences: CrossReference[]
    /** Charts drawn in this unit, each with its spec's real path and the text node that gets its slot. */
    charts: Array<{ chart: Chart; specFile: string; slot: Text }>
    /** Citations found in this unit, in document order. */
    citations: CitationCluster[]
    /** The rendered form of each entry of `citations`, same order. */
    renderedCitations: ElementContent[][]
    /** Local images this unit uses. */
    assets: Asset[]
    /** For a fragment taken from front matter: where it sits in its file. */
    yamlPoint: Point
  }
}
