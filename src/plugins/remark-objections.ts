import type { Paragraph, PhrasingContent, Root } from 'mdast'
import type { ContainerDirective } from 'mdast-util-directive'
import { visit } from 'unist-util-visit'
import type { VFile } from 'vfile'
import type { Box } from '../core/compiled.ts'
import { type ArgumentLabelName, labelSlot } from '../core/labels.ts'
import type { ObjectionBlock } from '../core/objections.ts'
import { reportWarning } from '../reporting/messages.ts'

/** Options of remarkObjections. */
export interface Options {
  /**
   * The id of the argument whose text this is (`policy`): objections get `objection-<id>-<n>`, responses
   * `response-<id>-<n>`. Without it (a summary, an introduction) they are drawn but have no id and no place in the map.
   * @default undefined
   */
  argument?: string | undefined
}

/**
 * Turn `:::objection[Title]` and the `:::response` right after it into blocks with a title line
 * ("Objection" / "反对意见" and the title, "Response" / "回应": label slots filled by the theme) and
 * stable ids, collected on `file.data.objections`; a response that follows no objection is drawn too and
 * noted on `file.data.strayResponses` (lint/relations.ts reports it). Runs before remark-callouts,
 * which would take them for unknown directives.
 */
export function remarkObjections(options: Options = {}) {
  const { argument } = options
  return function transform(tree: Root, file: VFile): void {
    const objections: ObjectionBlock[] = []
    const stray: ObjectionBlock['position'][] = []
    visit(tree, 'containerDirective', (node, index, parent) => {
      // Note: a response right after an objection is a box by the time the visit reaches it.
      if (node.name === 'response') {
        stray.push(node.position)
        toBlock(node, 'response', undefined)
        return
      }
      if (node.name !== 'objection' || !parent || index === undefined) return
      const n = objections.length + 1
      const id = argument === undefined ? undefined : `objection-${argument}-${n}`
      // Note: blank lines leave no node, so "right after it" is the next sibling.
      const next = parent.children[index + 1]
      const { box, titled } = toBlock(node, 'objection', id)
      const responseId = argument === undefined ? undefined : `response-${argument}-${n}`
      const response =
        next?.type === 'containerDirective' && next.name === 'response'
          ? { id: responseId, ...blockOf(toBlock(next, 'response', responseId)), position: next.position }
          : undefined
      objections.push({ id, node: box, title: titled, position: node.position, response })
      if (argument === undefined) {
        reportWarning(
          file,
          'An objection outside an argument is not in the argument map',
          node.position,
          'objection-outside-argument',
          'Write it in the text of the argument whose claim it attacks (arguments/*.md).',
        )
      }
    })
    file.data.objections = objections
    file.data.strayResponses = stray
  }
}

function blockOf({ box, titled }: { box: Box; titled: boolean }) {
  return { node: box, title: titled }
}

/** Make a directive a box with a title line; `titled` says whether the author gave it a title. */
function toBlock(
  node: ContainerDirective,
  word: ArgumentLabelName,
  id: string | undefined,
): { box: Box; titled: boolean } {
  const [first, ...rest] = node.children
  const titled = first?.type === 'paragraph' && first.data?.directiveLabel === true
  const label: PhrasingContent = {
    type: 'emphasis',
    children: [{ type: 'text', value: labelSlot(word) }],
    data: { hName: 'span', hProperties: { className: [`${word}-label`] } },
  }
  const heading: Paragraph = {
    type: 'paragraph',
    children: titled ? [label, { type: 'text', value: ' ' }, ...first.children] : [label],
    data: { hProperties: { className: [`${word}-title`] } },
    ...(titled && first.position ? { position: first.position } : {}),
  }
  // Note: made a box in place (same object, which file.data keeps): no later plugin takes it for a directive.
  const box = node as unknown as Box & { name?: string; attributes?: unknown }
  box.type = 'box'
  delete box.name
  delete box.attributes
  box.children = [heading, ...((titled ? rest : node.children) as Box['children'])]
  box.data = { hName: 'aside', hProperties: { className: [word], ...(id ? { id } : {}) } }
  return { box, titled }
}
