import { closest, distance } from 'fastest-levenshtein'
import type { Html, PhrasingContent, Root, Text } from 'mdast'
import type { Node, Point, Position } from 'unist'
import { SKIP, visit } from 'unist-util-visit'
import type { VFile } from 'vfile'
import { location } from 'vfile-location'
import { findCitations, findMalformedCitations, isCrossReferenceKey } from '../citations/syntax.ts'
import type { CitationCluster } from '../core/citation.ts'
import { withinCap } from '../lint/cap.ts'
import { reportError } from '../reporting/messages.ts'

export { isCitation } from '../core/citation.ts'

/** Options of remarkCitations. */
export interface Options {
  /**
   * Keys of the bibliography; a citation of any other key is an error. Without it (the bibliography
   * could not be read, which is reported already) every key is taken as it is.
   * @default undefined
   */
  keys?: ReadonlySet<string> | undefined
}

/**
 * Find Pandoc citations in text and replace them with placeholders (`span[data-citation=N]`),
 * collecting them on `file.data.citations` in document order for citeproc to render.
 */
export function remarkCitations(options: Options = {}) {
  const { keys } = options
  return function transform(tree: Root, file: VFile): void {
    const clusters: CitationCluster[] = []
    file.data.citations = clusters
    const source = String(file.value ?? '')
    const place = location(source)

    // Note: where citations cannot be rendered, they are refused rather than shown as typed.
    visit(tree, 'html', (node: Html) => {
      const found = findCitations(node.value.replace(/<!--[\s\S]*?-->/g, '')).find((f) => !f.narrative)
      if (!found) return
      reportError(
        file,
        'A citation inside an HTML block is not rendered',
        node.position,
        'citation-in-html',
        'Leave a blank line after the opening tag (`<div>`, blank line, text), so that the text is markdown again.',
      )
    })

    // Note: nodes made by transforms (GFM's autolinks: `a@b.org`, `www.x.org`) have no position; they
    // take their nearest placed ancestor's, whose source is searched instead.
    const placed = new WeakMap<Node, Position>()
    visit(tree, (node, _index, parent) => {
      const inherited = parent && (parent.position ?? placed.get(parent))
      if (!node.position && inherited) placed.set(node, inherited)
    })

    visit(tree, 'text', (node: Text, index, parent) => {
      if (!parent || index === undefined) return
      const range = node.position ?? placed.get(node)
      const start = range?.start.offset
      const end = range?.end.offset
      // Note: escapes and entities make text differ from its source; then offsets are found by search.
      const raw = start !== undefined && end !== undefined ? source.slice(start, end) : undefined
      const exact = node.position !== undefined && raw === node.value
      const pointAt = (text: string, at: number): Point | undefined => {
        if (start === undefined || raw === undefined) return range?.start
        const offset = exact ? at : raw.indexOf(text)
        // Note: not found as typed (`\[@a]`, `[\@a]`) means it was escaped: a literal, not a citation.
        return offset === -1 || raw[offset - 1] === '\\' ? undefined : place.toPoint(start + offset)
      }
      for (const bad of findMalformedCitations(node.value)) {
        const text = node.value.slice(bad.start, bad.end)
        const point = pointAt(text, bad.start)
        if (point && withinCap(file, 'malformed-citation', point)) {
          reportError(
            file,
            `Malformed citation \`${text}\``,
            point,
            'malformed-citation',
            'Write a citation as `[@key]`, `[@key, p. 3]` or `[see @a; @b]`; write `\\[@` for a literal bracket and at sign.',
          )
        }
      }
      if (parent.type === 'link' || parent.type === 'linkReference') {
        const inLink = findCitations(node.value).filter((f) => !f.narrative)
        for (const found of inLink) {
          const text = node.value.slice(found.start, found.end)
          const point = pointAt(text, found.start)
          if (point) {
            reportError(
              file,
              `Citation \`${text}\` inside a link's text is not rendered`,
              point,
              'citation-in-link',
              'Move the citation after the link: `[text](url) [@key]`.',
            )
          }
        }
        // Note: a web address written right before a citation (`www.example.org[@key]`) takes its start into the link.
        const opened = inLink.length === 0 ? /\[-?@/.exec(node.value) : null
        const point = opened ? pointAt(node.value.slice(opened.index), opened.index) : undefined
        if (opened && point) {
          reportError(
            file,
            `A citation starts inside the link \`${node.value}\``,
            point,
            'citation-in-link',
            'Put a space between a web address and the citation after it: `www.example.org [@key]`.',
          )
        }
        return
      }
      const replacement: PhrasingContent[] = []
      let cursor = 0
      let searchFrom = 0
      for (const found of findCitations(node.value)) {
        const text = node.value.slice(found.start, found.end)
        let sourceOffset: number | undefined
        if (start !== undefined && raw !== undefined) {
          const at = exact ? found.start : raw.indexOf(text, searchFrom)
          if (at === -1) continue
          if (raw[at - 1] === '\\') continue
          searchFrom = at + text.length
          sourceOffset = start + at
        }
        const pointOf = (offset: number): Point | undefined =>
          sourceOffset === undefined ? range?.start : place.toPoint(sourceOffset + offset - found.start)
        if (found.crossReference || found.items.some((item) => isCrossReferenceKey(item.key))) {
          const startPoint = pointOf(found.start)
          const endPoint = pointOf(found.end)
          const position = startPoint && endPoint ? { start: startPoint, end: endPoint } : undefined
          if (!found.crossReference || found.items.length > 1) {
            reportError(
              file,
              `\`${text}\` mixes cross-references with citations, or names several`,
              startPoint,
              'cross-reference',
              'Write one cross-reference on its own (`@fig-prices`, `[-@fig-prices]`) and cite works apart: `@fig-prices [@key]`.',
            )
            continue
          }
          if (found.start > cursor) replacement.push({ type: 'text', value: node.value.slice(cursor, found.start) })
          const [item] = found.items
          replacement.push(crossReference(file, item?.key ?? '', item?.suppressAuthor === true, position))
          cursor = found.end
          continue
        }
        const known = found.items.filter((item, i) => {
          if (!keys || keys.has(item.key)) return true
          reportUnknown(file, item.key, keys, pointOf(found.keyOffsets[i] ?? found.start))
          return false
        })
        if (known.length === 0) continue
        const startPoint = pointOf(found.start)
        const endPoint = pointOf(found.end)
        clusters.push({
          items: known,
          narrative: found.narrative,
          position: startPoint && endPoint ? { start: startPoint, end: endPoint } : undefined,
        })
        if (found.start > cursor) replacement.push({ type: 'text', value: node.value.slice(cursor, found.start) })
        replacement.push(placeholder(clusters.length - 1, text))
        cursor = found.end
      }
      if (cursor === 0) return
      if (cursor < node.value.length) replacement.push({ type: 'text', value: node.value.slice(cursor) })
      parent.children.splice(index, 1, ...replacement)
      return [SKIP, index + replacement.length]
    })
  }
}

/**
 * A link to a figure, table or section, its text set once the brief's targets are numbered;
 * `bare` (`[-@fig-x]`) for the number alone. `[@fig-x]` reads as `@fig-x` does.
 */
function crossReference(file: VFile, id: string, bare: boolean, position: Position | undefined): PhrasingContent {
  const label: Text = { type: 'text', value: id }
  file.data.crossReferences ??= []
  file.data.crossReferences.push({ id, bare, position, label })
  return { type: 'link', url: `#${id}`, children: [label], data: { hProperties: { className: ['xref'] } } }
}

function placeholder(index: number, text: string): PhrasingContent {
  // Note: an emphasis node is only a carrier; hName turns it into the span rehype-citations fills in.
  return {
    type: 'emphasis',
    children: [{ type: 'text', value: text }],
    data: { hName: 'span', hProperties: { dataCitation: String(index) } },
  }
}

/** Report a key that is not in the bibliography, with the closest key as a hint. */
export function reportUnknown(file: VFile, key: string, keys: ReadonlySet<string>, point: Point | undefined): void {
  if (!withinCap(file, 'unknown-citation', point)) return
  const candidates = [...keys]
  const nearest = candidates.length > 0 ? closest(key, candidates) : undefined
  const close = nearest !== undefined && distance(key, nearest) <= Math.max(2, Math.floor(key.length / 3))
  const hint = close
    ? `Did you mean \`${nearest}\`?`
    : candidates.length === 0
      ? 'This brief has no bibliography: add references.bib next to brief.md.'
      : 'Add the work to the bibliography, or write `\\@` for a literal at sign.'
  reportError(file, `Unknown citation key \`${key}\``, point, 'unknown-citation', hint)
}
