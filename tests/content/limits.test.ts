import type { Root } from 'mdast'
import type { Node, Parent } from 'unist'
import { VFile } from 'vfile'
import { describe, expect, it } from 'vitest'
import {
  blankIntricateParagraphs,
  blankLongLines,
  cutDeepContainers,
  cutDeepNesting,
  maxDepth,
  reportParseProblems,
} from '../../src/content/limits.ts'
import { parseMarkdown } from '../../src/content/parse.ts'

/** The depth of a tree, counted without recursion. */
function depth(tree: Node): number {
  let deepest = 0
  const stack: Array<[Node, number]> = [[tree, 0]]
  while (stack.length > 0) {
    const [node, d] = stack.pop()!
    deepest = Math.max(deepest, d)
    for (const child of (node as Partial<Parent>).children ?? []) stack.push([child, d + 1])
  }
  return deepest
}

describe('blankLongLines', () => {
  it('blanks a line over 20,000 characters with spaces, keeping every offset, and names its line', () => {
    const text = `a\n${'x'.repeat(20_001)}\nb`
    const result = blankLongLines(text)
    expect(result.text).toHaveLength(text.length)
    expect(result.text.split('\n')).toEqual(['a', ' '.repeat(20_001), 'b'])
    expect(result.problems).toMatchObject([{ line: 2, column: 1, ruleId: 'line-too-long' }])
  })

  it('leaves text of ordinary lines as it is', () => {
    const text = `${'y'.repeat(20_000)}\n\nshort\n`
    expect(blankLongLines(text)).toEqual({ text, problems: [] })
  })
})

describe('blankIntricateParagraphs', () => {
  it('refuses a paragraph of `](` that would take the footnote extension quadratic time', () => {
    const result = blankIntricateParagraphs(`---\ntitle: T\n---\nFirst.\n\n${'](\n'.repeat(100_000)}\nLast *one*.\n`)
    expect(result.problems).toMatchObject([{ line: 6, column: 1, ruleId: 'paragraph-too-intricate' }])
    expect(result.text.startsWith('---\ntitle: T\n---\nFirst.\n\n')).toBe(true)
    expect(result.text.endsWith('\nLast *one*.\n')).toBe(true)
    expect(result.text).not.toContain('](')
  })

  it("refuses runs of `**x` once the file's budget is spent, paragraph by paragraph", () => {
    const result = blankIntricateParagraphs(`${'**x'.repeat(6666)}\n\n`.repeat(20))
    expect(result.problems.length).toBeGreaterThan(10)
  })

  it('passes a megabyte of prose in paragraphs of ordinary length', () => {
    const paragraph =
      'Street trees **cool** cities [cheaply](https://example.org) and _well_ [@smith2020heat]. '.repeat(10)
    const text = `${paragraph}\n\n`.repeat(Math.ceil(1_000_000 / (paragraph.length + 2)))
    expect(blankIntricateParagraphs(text).problems).toEqual([])
  })
})

describe('cutDeepNesting', () => {
  it('cuts a tree 10,000 levels deep at the limit without running out of stack', () => {
    let node: Parent = {
      type: 'blockquote',
      children: [],
      position: { start: { line: 1, column: 1 }, end: { line: 1, column: 2 } },
    }
    const tree: Root = { type: 'root', children: [node as Root['children'][number]] }
    for (let i = 0; i < 10_000; i++) {
      const child: Parent = {
        type: 'blockquote',
        children: [],
        position: { start: { line: 1, column: i + 2 }, end: { line: 1, column: i + 3 } },
      }
      node.children.push(child)
      node = child
    }
    const problem = cutDeepNesting(tree)
    expect(problem).toMatchObject({ line: 1, column: maxDepth, ruleId: 'nesting-too-deep' })
    expect(depth(tree)).toBe(maxDepth)
  })
})

describe("parseMarkdown on deep nesting (stack overflow in the build cache's JSON)", () => {
  it.each([
    ['a list', `${'- '.repeat(1000)}x\n`],
    ['quotes', `${'>'.repeat(5000)} x\n`],
  ])('%s: the tree is cut, and the problem survives the cache', (_name, text) => {
    const tree = parseMarkdown(new VFile({ value: text }))
    expect(depth(tree)).toBeLessThanOrEqual(maxDepth)
    // Note: the build cache stores trees as JSON, which JSON.stringify would overflow on uncut.
    const cached = JSON.parse(JSON.stringify(tree)) as Root
    const file = new VFile({ path: 'x.md' })
    reportParseProblems(cached, file)
    expect(file.messages).toMatchObject([{ line: 1, ruleId: 'nesting-too-deep', fatal: true }])
  })
})

describe('cutDeepContainers', () => {
  it.each([
    [
      "an ordered list 3,000 deep on one line, which overflowed the parser's stack (fuzz F9)",
      `a\n\n${'1. '.repeat(3000)}x\nb\n`,
      3,
    ],
    ['quotes with spaces', `${'> '.repeat(101)}x\n`, 1],
    ['a list nested by indent', Array.from({ length: 120 }, (_, i) => `${'  '.repeat(i)}- x`).join('\n'), 101],
    ['`:::a` blocks left open, which slowed parsing past a minute (fuzz F10)', ':::a\n'.repeat(3000), 11],
  ])('stops before the line: %s', (_name, text, line) => {
    const result = cutDeepContainers(text)
    expect(result.problems).toMatchObject([{ line, column: 1, ruleId: 'nesting-too-deep' }])
    expect(result.text).toBe(
      text
        .split('\n')
        .slice(0, line - 1)
        .map((l) => `${l}\n`)
        .join(''),
    )
  })

  it('passes closed blocks, a few levels of lists and quotes, and a thematic break', () => {
    const text = `${':::note\nA\n:::\n'.repeat(50)}- a\n  - b\n    - c\n\n> > quote\n\n* * *\n`
    expect(cutDeepContainers(text)).toEqual({ text, problems: [] })
  })
})

describe('parseMarkdown on a long line', () => {
  it('reports the line as too long, and nothing else about it', () => {
    const tree = parseMarkdown(new VFile({ value: `a\n\n${'x'.repeat(1_000_000)}\n\n   \n${' '.repeat(500)}\nb\n` }))
    expect(tree.data?.parseProblems?.map((p) => `${p.line} ${p.ruleId}`)).toEqual(['3 line-too-long'])
  })
})
