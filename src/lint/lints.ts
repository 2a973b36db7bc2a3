import type { Root } from 'mdast'
import { toString as mdastText } from 'mdast-util-to-string'
import type { Point } from 'unist'
import { visit } from 'unist-util-visit'
import type { VFile } from 'vfile'
import { type LintRule, lintDefaults } from '../config/lint-levels.ts'
import type { ResolvedConfig } from '../config/resolve.ts'
import { reportError, reportWarning } from '../reporting/messages.ts'
import { withinCap } from './cap.ts'

/** Report a lint finding at the level site.yaml sets for its rule (nothing when `off`). */
export function lint(
  config: Pick<ResolvedConfig, 'lint'>,
  file: VFile,
  rule: LintRule,
  reason: string,
  place: Point | undefined,
  hint?: string,
): void {
  const level = config.lint[rule] ?? lintDefaults[rule]
  if (level === 'off' || !withinCap(file, rule, place)) return
  const report = level === 'error' ? reportError : reportWarning
  report(file, reason, place, rule, hint)
}

/** One markdown unit of a brief: its tree and the file its messages go to. */
export interface LintUnit {
  tree: Root
  file: VFile
}

/** Images without alt text, and Chinese next to Latin text or half-width punctuation, in one unit. */
export function lintText(config: Pick<ResolvedConfig, 'lint'>, unit: LintUnit): void {
  visit(unit.tree, 'image', (node) => {
    if (node.alt?.trim()) return
    lint(
      config,
      unit.file,
      'image-alt',
      `Image \`${node.url}\` has no alt text`,
      node.position?.start,
      'Describe the image in the brackets: ![what it shows](path). Screen readers read it, and it shows when the image cannot.',
    )
  })
  visit(unit.tree, 'text', (node) => {
    const pointAt = pointer(node.position?.start, node.value)
    for (const match of node.value.matchAll(latinNextToHan)) {
      const place = pointAt((match.index ?? 0) + 1)
      lint(
        config,
        unit.file,
        'cjk-spacing',
        `No space between Chinese and Latin text or a number: \`${match[0]}\``,
        place,
        'Put a space between Chinese and Latin words or numbers (“使用 PoW 的”, “约 138 太瓦时”); numbers before a measure word (2021年, 49号) need none.',
      )
    }
    for (const match of node.value.matchAll(/\p{Script=Han}([,.;:!?])\p{Script=Han}/gu)) {
      const place = pointAt((match.index ?? 0) + 1)
      lint(
        config,
        unit.file,
        'cjk-punctuation',
        `Half-width \`${match[1]}\` between Chinese characters`,
        place,
        `Use the full-width form (${fullWidth[match[1] ?? ''] ?? ''}) in Chinese text.`,
      )
    }
  })
}

// Note: a Han character right next to Latin letters, or to a number not counting something in it (2021年, 1283号).
// Every branch is linear: a Latin run is tried only from its first letter (the lookbehind), and a digit
// only when a Han character follows it, so a pasted token of a million letters or digits is read once.
const measure = '年月日号個个倍万亿元次人家台天时分秒岁项条种位名篇页章节期版届级层座所'
const latinNextToHan = new RegExp(
  `\\p{Script=Han}[A-Za-z]+|(?<![A-Za-z])[A-Za-z]+\\p{Script=Han}|\\p{Script=Han}\\d|\\d(?=\\p{Script=Han})(?![${measure}])`,
  'gu',
)

/**
 * The point `offset` characters into a text node, for offsets asked in increasing order (each
 * regex pass starts again): newlines are counted once, so a long node costs one pass, not one per finding.
 * Note: on a later line of a paragraph inside a list or quote, the column leaves out the indent.
 */
function pointer(start: Point | undefined, text: string): (offset: number) => Point | undefined {
  let line = 0
  let lineStart = 0
  let scanned = 0
  return (offset) => {
    if (!start) return undefined
    if (offset < scanned) [line, lineStart, scanned] = [0, 0, 0]
    for (; scanned < offset; scanned++) {
      if (text.charCodeAt(scanned) === 10) [line, lineStart] = [line + 1, scanned + 1]
    }
    return line === 0
      ? { line: start.line, column: start.column + offset }
      : { line: start.line + line, column: offset - lineStart + 1 }
  }
}

const fullWidth: Record<string, string> = { ',': '，', '.': '。', ';': '；', ':': '：', '!': '！', '?': '？' }

/**
 * Figures in the summary or key findings that appear nowhere in the body: a number a reader
 * meets up front should be backed where the argument is made. Numbers of two digits or fewer and
 * years are common words, not figures, and are not checked.
 */
export function lintSummaryFigures(
  config: Pick<ResolvedConfig, 'lint'>,
  front: readonly LintUnit[],
  body: readonly LintUnit[],
): void {
  const bodyText = body.map((unit) => normalizeNumbers(mdastText(unit.tree))).join('\n')
  for (const unit of front) {
    const seen = new Set<string>()
    for (const figure of normalizeNumbers(mdastText(unit.tree)).match(/\d+(?:\.\d+)?%?/g) ?? []) {
      if (seen.has(figure) || /^\d{1,2}$/.test(figure) || /^(19|20)\d\d$/.test(figure) || bodyText.includes(figure))
        continue
      seen.add(figure)
      lint(
        config,
        unit.file,
        'summary-figure',
        `The figure ${figure} appears nowhere in the body of the brief`,
        undefined,
        'State and cite it where the argument is made, or check that the two figures agree.',
      )
    }
  }
}

/** `68,906` and `68906` are the same figure. */
function normalizeNumbers(text: string): string {
  return text.replace(/(\d),(?=\d{3}\b)/g, '$1')
}
