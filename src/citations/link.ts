import type { ElementContent, Text } from 'hast'
import { toString as hastText } from 'hast-util-to-string'
import { h } from 'hastscript'

/** A part of a rendered citation group that stands for one work. */
export interface Piece {
  id: string
  text: string
}

/**
 * Link the part of a rendered group (`[1–3, 5]`, `(Smith 2020; Lee 2021)`) that stands for each
 * work to that work's entry. Pieces are looked for in the order they appear (a style may sort a
 * group); one not found (a number inside a collapsed range) stays unlinked.
 */
export function linkPieces(
  nodes: ElementContent[],
  pieces: readonly Piece[],
  href: (id: string) => string,
): ElementContent[] {
  const text = hastText({ type: 'root', children: nodes })
  const position = (p: Piece) => {
    const at = indexOfPiece(text, p.text)
    return at === -1 ? Infinity : at
  }
  const queue = pieces.filter((p) => p.text.length > 0).sort((a, b) => position(a) - position(b))
  const walk = (list: ElementContent[]): ElementContent[] =>
    list.flatMap((node) => {
      if (node.type === 'element') return [{ ...node, children: walk(node.children) }]
      if (node.type !== 'text') return [node]
      return splitText(node, queue, href)
    })
  return walk(nodes)
}

function splitText(node: Text, queue: Piece[], href: (id: string) => string): ElementContent[] {
  const out: ElementContent[] = []
  let rest = node.value
  while (queue.length > 0) {
    const piece = queue[0]
    if (!piece) break
    const at = indexOfPiece(rest, piece.text)
    if (at === -1) {
      // Note: a piece absent from this text node may still be in a later one; skip it only if it is a number.
      if (/^\d+$/.test(piece.text) && /\d/.test(rest)) {
        queue.shift()
        continue
      }
      break
    }
    if (at > 0) out.push({ type: 'text', value: rest.slice(0, at) })
    out.push(h('a', { href: href(piece.id) }, piece.text))
    rest = rest.slice(at + piece.text.length)
    queue.shift()
  }
  if (rest) out.push({ type: 'text', value: rest })
  return out
}

function indexOfPiece(text: string, piece: string): number {
  if (!/^\d+$/.test(piece)) return text.indexOf(piece)
  const m = new RegExp(`(?<!\\d)${piece}(?!\\d)`).exec(text)
  return m ? m.index : -1
}
