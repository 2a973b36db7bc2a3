import { VFile } from 'vfile'
import { describe, expect, it } from 'vitest'
import { parseMarkdown } from '../../src/content/parse.ts'
import { remarkStats } from '../../src/plugins/remark-stats.ts'

/** The classes of the root's children after remarkStats, and the messages. */
function stats(markdown: string) {
  const file = new VFile({ path: '/content/x/brief.md', value: markdown })
  const tree = parseMarkdown(file)
  remarkStats()(tree, file)
  const classes = tree.children.map((child) => {
    const data = child.data as { hProperties?: { className?: string[] } } | undefined
    const inner = 'children' in child ? child.children.length : 0
    return `${data?.hProperties?.className?.join(' ') ?? child.type}:${inner}`
  })
  return { classes, messages: file.messages.map((m) => `${m.line}:${m.column} ${m.reason}`) }
}

describe('remarkStats', () => {
  it('makes a row of one of a lone stat (regression: it was left as an unknown directive)', () => {
    expect(stats('Text.\n\n:::stat{value="138 TWh"}\nUse in 2024\n:::\n').classes).toEqual(['paragraph:1', 'stats:1'])
  })

  it('puts stats one after another in one row, and starts a new row after other content', () => {
    const md = ':::stat{value="1"}\nA\n:::\n\n:::stat{value="2"}\nB\n:::\n\nText.\n\n:::stat{value="3"}\nC\n:::\n'
    expect(stats(md).classes).toEqual(['stats:2', 'paragraph:1', 'stats:1'])
  })

  it('reports a stat without a value at its line', () => {
    expect(stats(':::stat\nA\n:::\n').messages).toEqual(['1:1 A `:::stat` has no value'])
  })
})
