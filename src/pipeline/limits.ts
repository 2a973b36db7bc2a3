import type { Root } from 'mdast'
import type { Node, Parent } from 'unist'
import type { VFile } from 'vfile'
import { reportError } from '../reporting/messages.ts'

/**
 * The longest line the parser is given (characters). Some markdown extensions take time growing
 * with the square of a line's length (`](` repeated, `**x` repeated); 20,000 is far more than any
 * written paragraph and keeps the worst line well under a second.
 */
export const maxLineLength = 20_000

/**
 * How deeply blocks may nest (lists in lists, quotes in quotes). Code that walks trees calls
 * itself once per level, and a few thousand levels exhaust the stack; no brief needs more than a few.
 */
export const maxDepth = 100

/** A problem found while parsing, kept on the tree so that a cached tree still carries it. */
export interface ParseProblem {
  reason: string
  line: number
  column: number
  ruleId: 'line-too-long' | 'nesting-too-deep'
  hint: string
}

declare module 'mdast' {
  interface RootData {
    /** Limits the text broke; the tree holds what was within them. */
    parseProblems?: ParseProblem[]
  }
}

/**
 * Blank out lines longer than `maxLineLength` (with spaces, so every offset and later line keeps
 * its place) before the text is parsed. Returns the text to parse and a problem per long line.
 */
export function blankLongLines(text: string): { text: string; problems: ParseProblem[] } {
  const problems: ParseProblem[] = []
  let result = ''
  let start = 0
  let line = 1
  // Note: a scan by indexOf, so that a file of one huge line costs one pass.
  while (start <= text.length) {
    const newline = text.indexOf('\n', start)
    const end = newline === -1 ? text.length : newline
    if (end - start > maxLineLength) {
      problems.push({
        reason: `Line ${line} is ${end - start} characters long (at most ${maxLineLength})`,
        line, column: 1, ruleId: 'line-too-long',
        hint: 'Break the paragraph into lines (a single line break does not show), or check for pasted data.',
      })
      result += ' '.repeat(end - start)
    } else {
      result += text.slice(start, end)
    }
    if (newline === -1) break
    result += '\n'
    start = newline + 1
    line++
  }
  return { text: problems.length > 0 ? result : text, problems }
}

/**
 * Cut the tree below `maxDepth` levels, walking it with a stack of its own (no recursion, as the
 * tree may be thousands of levels deep). Returns a problem at the first place it was cut.
 */
export function cutDeepNesting(tree: Root): ParseProblem | undefined {
  let problem: ParseProblem | undefined
  const stack: Array<[Node, number]> = [[tree, 0]]
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!
    if (!isParent(node)) continue
    if (depth >= maxDepth && node.children.length > 0) {
      problem ??= {
        reason: `Blocks nest more than ${maxDepth} levels deep here`,
        line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1, ruleId: 'nesting-too-deep',
        hint: 'Lists in lists or quotes in quotes go a few levels deep at most; check for a run of `>` or `-` at the start of a line.',
      }
      node.children = []
      continue
    }
    for (const child of node.children) stack.push([child, depth + 1])
  }
  return problem
}

/** Report the problems parsing found (kept on the tree) as located errors on `file`. */
export function reportParseProblems(tree: Root, file: VFile): void {
  for (const problem of tree.data?.parseProblems ?? []) {
    reportError(file, problem.reason, { line: problem.line, column: problem.column }, problem.ruleId, problem.hint)
  }
}

function isParent(node: Node): node is Parent {
  return Array.isArray((node as Partial<Parent>).children)
}
