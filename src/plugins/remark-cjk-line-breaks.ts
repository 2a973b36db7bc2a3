import type { Root, Text } from 'mdast'
import { visit } from 'unist-util-visit'
import { isCitation } from './remark-citations.ts'

// Note: Han, kana, Hangul, CJK punctuation and full-width forms: the scripts written without spaces.
const cjk = String.raw`\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef`
const breakBetweenCjk = new RegExp(String.raw`(?<=[${cjk}])[ \t]*\n[ \t]*(?=[${cjk}])`, 'gu')
const breakAtEndAfterCjk = new RegExp(String.raw`(?<=[${cjk}])[ \t]*\n[ \t]*$`, 'u')
const breakAtStartBeforeCjk = new RegExp(String.raw`^[ \t]*\n[ \t]*(?=[${cjk}])`, 'u')

/**
 * Drop a line break inside a paragraph when the characters on both sides are Chinese (or Japanese,
 * Korean), or Chinese on one side and a citation mark on the other: browsers would show it as a
 * space, and Chinese has no spaces between words.
 */
export function remarkCjkLineBreaks() {
  return function transform(tree: Root): void {
    visit(tree, 'text', (node: Text, index, parent) => {
      node.value = node.value.replace(breakBetweenCjk, '')
      if (!parent || index === undefined) return
      if (isCitation(parent.children[index + 1])) node.value = node.value.replace(breakAtEndAfterCjk, '')
      if (isCitation(parent.children[index - 1])) node.value = node.value.replace(breakAtStartBeforeCjk, '')
    })
  }
}
