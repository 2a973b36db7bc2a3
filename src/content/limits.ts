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

/**
 * How much work the inline parser may be given in one file, in the units of
 * `blankIntricateParagraphs`. Emphasis runs (`*`, `_`, `~`) and brackets (`[`, `]`) each cost the
 * parser a walk through, or a splice of, their paragraph's events, so a paragraph full of them
 * costs the square of its length. 3·10⁸ is a few seconds of parsing at worst; a megabyte of prose
 * in paragraphs of ordinary length costs well under a tenth of it.
 */
export const maxInlineCost = 300_000_000

/** A problem found while parsing, kept on the tree so that a cached tree still carries it. */
export interface ParseProblem {
  reason: string
  line: number
  column: number
  ruleId: 'line-too-long' | 'nesting-too-deep' | 'paragraph-too-intricate'
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
        line,
        column: 1,
        ruleId: 'line-too-long',
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
 * Blank out paragraphs (runs of non-blank lines) once the file's inline parsing would cost more
 * than `maxInlineCost`: an upper bound on the steps the parser's backward walks take, counted in
 * one pass. Offsets and line numbers keep their places. Returns the text and a problem per paragraph.
 */
export function blankIntricateParagraphs(text: string): { text: string; problems: ParseProblem[] } {
  const problems: ParseProblem[] = []
  const blanked: Array<[number, number]> = []
  let total = 0
  let start = 0
  let line = 1
  let startLine = 1
  let marks = 0
  let lineHasText = false
  const endParagraph = (end: number) => {
    const cost = marks * (end - start)
    if (total + cost <= maxInlineCost) {
      total += cost
      return
    }
    blanked.push([start, end])
    problems.push({
      reason: `This paragraph is too intricate to parse in time (${marks} emphasis marks and brackets in ${end - start} characters)`,
      line: startLine,
      column: 1,
      ruleId: 'paragraph-too-intricate',
      hint: 'Split it into paragraphs with blank lines, or write a literal `*`, `_`, `~`, `[` or `]` with a backslash before it.',
    })
  }
  let lineStart = 0
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 10
    if (code === 10) {
      line++
      // Note: a `---` line (the front matter's fences, a rule) ends a paragraph as a blank line does.
      const fence = i - lineStart <= 5 && text.slice(lineStart, i).trim() === '---'
      lineStart = i + 1
      if (!lineHasText || fence || i === text.length) {
        if (marks > 0) endParagraph(i)
        start = i + 1
        startLine = line
        marks = 0
      }
      lineHasText = false
      continue
    }
    if (code !== 32 && code !== 9 && code !== 13) lineHasText = true
    // Note: a run of one marker (`**`) is one mark; so is each `[` and `]`.
    if (code === 91 || code === 93 || ((code === 42 || code === 95 || code === 126) && text.charCodeAt(i - 1) !== code))
      marks++
  }
  if (blanked.length === 0) return { text, problems }
  let result = ''
  let at = 0
  for (const [from, to] of blanked) {
    result += text.slice(at, from) + text.slice(from, to).replace(/[^\n]/g, ' ')
    at = to
  }
  return { text: result + text.slice(at), problems }
}

/**
 * How many `:::name` blocks may be open at once. Each line inside them costs the parser more the
 * deeper they are (500 left open took seconds, 3,000 over a minute); callouts nest a level or two.
 */
export const maxDirectiveDepth = 10

/**
 * Stop the text before the first line that would open containers past the limits: parsing itself
 * recurses (an ordered list 3,000 deep overflows the stack) or slows down with depth (unclosed
 * `:::name` blocks, one per line, nest). Counted per line from its leading markers (`>`, `-`,
 * `1.`), its indent (two columns a level) and the `:::` blocks still open, in one pass; an
 * overestimate is harmless at these limits. Returns the text to parse and a problem at that line.
 */
export function cutDeepContainers(text: string): { text: string; problems: ParseProblem[] } {
  let directives = 0
  let line = 0
  for (let start = 0; start <= text.length; ) {
    line++
    const newline = text.indexOf('\n', start)
    const end = newline === -1 ? text.length : newline
    let i = start
    let levels = 0
    for (;;) {
      let width = 0
      for (; i < end && (text[i] === ' ' || text[i] === '\t'); i++) width += text[i] === '\t' ? 4 : 1
      levels += Math.floor(width / 2)
      const code = text[i]
      if (code === '>' || ((code === '-' || code === '*' || code === '+') && /[ \t]/.test(text[i + 1] ?? ''))) {
        levels++
        i++
        continue
      }
      const ordered = /^\d{1,9}[.)][ \t]/.exec(text.slice(i, Math.min(end, i + 11)))
      if (!ordered) break
      levels++
      i += ordered[0].length - 1
    }
    // Note: a line of only spaces (or one a long line became) opens nothing.
    if (i === end && text.slice(start, end).trim() === '') levels = 0
    const fence = /^:{3,}(\S?)/.exec(text.slice(i, Math.min(end, i + 8)))
    const opens = fence !== null && fence[1] !== ''
    if (opens) directives++
    else if (fence) directives = Math.max(0, directives - 1)
    if (levels + directives > maxDepth || directives > maxDirectiveDepth) {
      // Note: the rest is left out, not blanked: blank lines inside deep containers are what is slow.
      return {
        text: text.slice(0, start),
        problems: [
          {
            reason:
              directives > maxDirectiveDepth
                ? `More than ${maxDirectiveDepth} \`:::\` blocks are open here`
                : `Blocks nest more than ${maxDepth} levels deep here`,
            line,
            column: 1,
            ruleId: 'nesting-too-deep',
            hint:
              directives > maxDirectiveDepth
                ? 'Close each `:::name` block with a `:::` line; blocks nest a level or two at most.'
                : 'Lists in lists and quotes in quotes go a few levels deep at most; check for a run of `>` or `-` at the start of a line.',
          },
        ],
      }
    }
    if (newline === -1) break
    start = newline + 1
  }
  return { text, problems: [] }
}

/**
 * Cut the tree below `maxDepth` levels, walking it with a stack of its own (no recursion, as the
 * tree may be thousands of levels deep). Returns a problem at the first place it was cut.
 */
export function cutDeepNesting(tree: Root): ParseProblem | undefined {
  let problem: ParseProblem | undefined
  const stack: Array<[Node, number]> = [[tree, 0]]
  for (let top = stack.pop(); top; top = stack.pop()) {
    const [node, depth] = top
    if (!isParent(node)) continue
    if (depth >= maxDepth && node.children.length > 0) {
      problem ??= {
        reason: `Blocks nest more than ${maxDepth} levels deep here`,
        line: node.position?.start.line ?? 1,
        column: node.position?.start.column ?? 1,
        ruleId: 'nesting-too-deep',
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
