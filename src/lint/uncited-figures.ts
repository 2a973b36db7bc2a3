import type { Nodes, Paragraph, TableCell } from 'mdast'
import type { Point } from 'unist'
import { SKIP, visit } from 'unist-util-visit'
import type { VFile } from 'vfile'
import { location } from 'vfile-location'
import type { ResolvedConfig } from '../config/resolve.ts'
import { type CitationCluster, isCitation } from '../core/citation.ts'
import { hasClass, isAutolink } from '../core/mdast-nodes.ts'
import { type Figure, firstFigure } from './figures.ts'
import { type LintUnit, lint } from './lints.ts'

/** Stands for a citation in a block's text: one character, never a digit or a sentence break. */
const cite = '\uFFFC'
/** Stands for what is no prose (inline code, HTML, an image, an autolink): one character of nothing. */
const opaque = '\uFFFD'

/** A block's prose as one string, and the text nodes it came from. */
interface BlockText {
  text: string
  /** Each text node: where its value starts in the block's text and, as far as is known, in the source. */
  pieces: Array<{ at: number; value: string; from: number | undefined }>
}

/** What a block's text needs to know of its unit. */
interface Context {
  /** Footnotes that cite: a reference to one is a citation. */
  citingNotes: ReadonlySet<string>
  /** Where each citation was in the source: the text after a citation comes without a position. */
  citations: readonly CitationCluster[]
}

/**
 * Each sentence that states a figure (`figures.ts`: a percentage, money, a number with a unit) with no
 * citation in it, in the sentence before, or right after it (`… 5%. [@a]`), at its first figure. Blocks
 * are paragraphs (in lists, quotes, callouts and footnotes too) and table cells, where a citation
 * anywhere in the row, in the column's header cell, or in the paragraph right before or after the
 * table counts. Headings and callout titles name what follows and are not read; nor are code, HTML,
 * images, link URLs and autolinks. A footnote reference counts as a citation when its footnote cites.
 */
export function lintUncitedFigures(config: Pick<ResolvedConfig, 'lint'>, unit: LintUnit, lang: string): void {
  const segmenter = sentenceSegmenter(lang)
  const citingNotes = new Set<string>()
  visit(unit.tree, 'footnoteDefinition', (node) => {
    let cites = false
    visit(node, (child) => {
      if (isCitation(child)) cites = true
    })
    if (cites) citingNotes.add(node.identifier)
  })
  const context: Context = { citingNotes, citations: unit.file.data.citations ?? [] }
  const place = sourcePlace(unit.file)
  const check = (block: BlockText, citedAround: boolean) => {
    if (citedAround) return
    for (const found of uncitedFigures(block.text, segmenter)) {
      lint(
        config,
        unit.file,
        'uncited-figure',
        `The figure \`${found.text}\` has no citation in its sentence or the one before`,
        place(block, found.index),
        `Cite the source right after the figure or at the end of the sentence: \`…${found.text} [@key].\``,
      )
    }
  }
  const cites = (node: Nodes | undefined) => node?.type === 'paragraph' && blockText(node, context).text.includes(cite)
  const anyCites = (node: Nodes): boolean => {
    let found = false
    visit(node, 'paragraph', (paragraph) => {
      if (cites(paragraph)) found = true
    })
    return found
  }
  // Note: a figure or table whose caption or source cites, and a big number whose label cites, are cited throughout.
  const cited = new WeakSet<Nodes>()
  visit(unit.tree, (node, _index, parent) => {
    if (parent && cited.has(parent)) cited.add(node)
    if (node.type === 'box' && !cited.has(node) && hasClass(node, 'figure', 'table-figure', 'stat') && anyCites(node))
      cited.add(node)
    if (node.type === 'code' || node.type === 'html' || node.type === 'heading') return SKIP
    if (node.type === 'paragraph') {
      if (!isCalloutTitle(node)) check(blockText(node, context), cited.has(node))
      return SKIP
    }
    if (node.type !== 'table') return
    // Note: a table's source is given in the paragraph that leads into it or in a source line under it.
    // Footnote and link definitions may sit between, and show elsewhere.
    const siblings = (parent?.children ?? []).filter(
      (sibling) => sibling === node || (sibling.type !== 'footnoteDefinition' && sibling.type !== 'definition'),
    )
    const at = siblings.indexOf(node)
    const tableCites = cited.has(node) || cites(siblings[at - 1]) || cites(siblings[at + 1])
    const [header, ...rows] = node.children
    const headerCites = header?.children.map((cell) => blockText(cell, context).text.includes(cite)) ?? []
    for (const row of [header, ...rows]) {
      const cells = row?.children.map((cell) => blockText(cell, context)) ?? []
      const rowCites = tableCites || cells.some((cell) => cell.text.includes(cite))
      for (const [i, cell] of cells.entries()) check(cell, rowCites || headerCites[i] === true)
    }
    return SKIP
  })
}

function sentenceSegmenter(lang: string): Intl.Segmenter {
  try {
    return new Intl.Segmenter(lang, { granularity: 'sentence' })
  } catch {
    // Note: front matter only checks that `lang:` looks like a tag; one ICU refuses (`en-12`) gets the default rules.
    return new Intl.Segmenter(undefined, { granularity: 'sentence' })
  }
}

/**
 * The first figure of each sentence that states one and is cited nowhere near. A figure inside
 * quotation marks reports someone's words (an editor's note quoting the original) and is left out.
 */
function uncitedFigures(text: string, segmenter: Intl.Segmenter): Figure[] {
  // Note: a soft line break is no sentence break, though the segmenter takes it for one; quoted text
  // keeps its length (offsets still point into the source) but loses its figures and its full stops.
  const prose = text
    .replace(/[\n\r]/g, ' ')
    .replace(
      /“[^”]*”|"[^"]*"|「[^」]*」|『[^』]*』/g,
      (quote) => `${quote[0]}${'\u00B7'.repeat(quote.length - 2)}${quote.at(-1)}`,
    )
  const sentences = [...segmenter.segment(prose)]
  return sentences.flatMap(({ segment, index }, i) => {
    const figure = firstFigure(segment)
    if (!figure) return []
    const cited =
      segment.includes(cite) ||
      sentences[i - 1]?.segment.includes(cite) === true ||
      // Note: `… 5%. [@a] Next` puts the citation at the start of the next sentence; it belongs to this one.
      /^\s*\uFFFC/.test(sentences[i + 1]?.segment ?? '')
    return cited ? [] : [{ text: figure.text, index: index + figure.index }]
  })
}

/** A block's text: citations as one mark each, what is not prose as another. */
function blockText(block: Paragraph | TableCell, { citingNotes, citations }: Context): BlockText {
  const out: BlockText = { text: '', pieces: [] }
  // Note: where the source is, as of the last node that said; text split off by a citation has no position of its own.
  let cursor = block.position?.start.offset
  const add = (node: Nodes): void => {
    if (isCitation(node)) {
      out.text += cite
      const index = Number((node.data as { hProperties?: { dataCitation?: string } }).hProperties?.dataCitation)
      cursor = citations[index]?.position?.end.offset ?? cursor
    } else if (node.type === 'text') {
      out.pieces.push({ at: out.text.length, value: node.value, from: node.position?.start.offset ?? cursor })
      out.text += node.value
    } else if (node.type === 'break') out.text += ' '
    else if (node.type === 'footnoteReference') out.text += citingNotes.has(node.identifier) ? cite : opaque
    else if (isAutolink(node)) out.text += opaque
    else if ('children' in node) for (const child of node.children) add(child)
    else out.text += opaque
    cursor = node.position?.end.offset ?? cursor
  }
  for (const child of block.children) add(child)
  return out
}

/** A web or mail address written as is (`www.x.org/2022/5%`): its text is its URL. */
function isCalloutTitle(node: Paragraph): boolean {
  return (
    (node.data as { directiveLabel?: boolean } | undefined)?.directiveLabel === true || hasClass(node, 'callout-title')
  )
}

/**
 * Where an offset of a block's text is in the source. A text node's value may differ from its source
 * (escapes, entities, line breaks dropped between Chinese characters, a list's indent): the value is
 * walked along the source from where the node starts, skipping what it lacks.
 */
function sourcePlace(file: VFile): (block: BlockText, offset: number) => Point | undefined {
  const source = String(file.value ?? '')
  const points = location(source)
  return (block, offset) => {
    const piece = [...block.pieces].reverse().find((p) => p.at <= offset)
    if (piece?.from === undefined) return undefined
    const target = offset - piece.at
    let j = piece.from
    for (let i = 0; i < target && j < source.length; j++) if (source[j] === piece.value[i]) i++
    while (j < source.length && source[j] !== piece.value[target]) j++
    return points.toPoint(j < source.length ? j : piece.from)
  }
}
