/**
 * Breaking a label into lines that fit a width, measured with the theme's fonts: Chinese (and
 * Japanese, Korean) between characters, other text between words, and no line starting with a
 * closing mark (`，。）」`) or ending with an opening one (`（「“`), as the Chinese rules of
 * kinsoku shori (避头尾) ask.
 */

/** How wide a line is, in px. */
export type LineWidth = (line: string) => number

/** Options of wrapText. */
export interface WrapOptions {
  /** The widest a line may be, in px. */
  maxWidth: number
  /**
   * The most lines; the last line of a longer text ends in `…`.
   * @default 4
   */
  maxLines?: number
}

/** A wrapped label: its lines and whether text was left out. */
export interface Wrapped {
  lines: string[]
  truncated: boolean
}

const ellipsis = '\u2026'
// Note: marks a Chinese line must not start with (closing brackets, full stops, commas, the
// iteration mark, the long dash and ellipsis) and those it must not end with (opening brackets).
const noStart = /^[，。、；：？！）》」』】〕〉”’…—%％·・〃々ー,.;:?!)\]}]/u
const noEnd = /[（《「『【〔〈“‘([{]$/u
const ideograph = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]/u

/**
 * The pieces a line may break after: a CJK character (with the marks that must stay with it) or a
 * word with its trailing space; a space is where Latin text breaks, any CJK character is another.
 */
export function breakPieces(text: string): string[] {
  const pieces: string[] = []
  let word = ''
  const flush = () => {
    if (word) pieces.push(word)
    word = ''
  }
  for (const char of text) {
    if (ideograph.test(char)) {
      flush()
      const last = pieces.at(-1)
      // Note: a closing mark joins the piece before it; a piece ending in an opening mark takes this one.
      if (last !== undefined && (noStart.test(char) || noEnd.test(last))) pieces[pieces.length - 1] = last + char
      else pieces.push(char)
    } else if (/\s/u.test(char)) {
      word += ' '
      flush()
    } else {
      const last = pieces.at(-1)
      // Note: Latin punctuation after a CJK character (`中国,`) or a word after an opening mark stays with it.
      if (!word && last !== undefined && (noStart.test(char) || noEnd.test(last)) && !last.endsWith(' ')) {
        pieces.pop()
        word = last
      }
      word += char
    }
  }
  flush()
  return pieces
}

/**
 * `text` (one paragraph, spaces collapsed) in lines no wider than `maxWidth`, greedily: each line
 * takes as many pieces as fit. A word wider than a line is cut between characters. A text longer
 * than `maxLines` keeps the lines that fit, the last ending in `…`.
 */
export function wrapText(text: string, width: LineWidth, { maxWidth, maxLines = 4 }: WrapOptions): Wrapped {
  const lines: string[] = []
  let line = ''
  // Note: a line's width is the sum of its pieces' (each measured once, whatever line it is tried
  // on): shaping each candidate line anew made wrapping an English map's labels take 0.5 s.
  let lineWidth = 0
  for (const piece of breakPieces(text.replace(/\s+/gu, ' ').trim())) {
    if (lineWidth + width(piece.trimEnd()) <= maxWidth) {
      line += piece
      lineWidth += width(piece)
      continue
    }
    if (line) lines.push(line.trimEnd())
    line = ''
    lineWidth = 0
    if (width(piece.trimEnd()) <= maxWidth) {
      line = piece
      lineWidth = width(piece)
      continue
    }
    // Note: a piece wider than a whole line (a URL, a long compound) is cut where it must be.
    for (const char of piece) {
      if (line && width((line + char).trimEnd()) > maxWidth) {
        lines.push(line.trimEnd())
        line = ''
      }
      line += char
    }
    lineWidth = width(line)
  }
  if (line.trim()) lines.push(line.trimEnd())
  if (lines.length <= maxLines) return { lines, truncated: false }
  const kept = lines.slice(0, maxLines)
  kept[maxLines - 1] = withEllipsis(kept[maxLines - 1] ?? '', width, maxWidth)
  return { lines: kept, truncated: true }
}

/** A line shortened, a character at a time (a word at a time where it can), until it fits with `…` after it. */
function withEllipsis(line: string, width: LineWidth, maxWidth: number): string {
  let chars = [...line]
  const fits = () => width(`${chars.join('').trimEnd()}${ellipsis}`) <= maxWidth
  while (chars.length > 0 && !fits()) {
    const text = chars.join('')
    const space = text.trimEnd().lastIndexOf(' ')
    // Note: English loses its last word whole, not a letter at a time; Chinese a character.
    chars = space > 0 && !ideograph.test(text.at(-1) ?? '') ? [...text.slice(0, space)] : chars.slice(0, -1)
  }
  let kept = chars.join('').trimEnd()
  // Note: no `，…` or `(…`: the ellipsis replaces a trailing comma and does not follow an opening mark.
  while (kept && (/[，、；：,;:]$/u.test(kept) || noEnd.test(kept))) kept = kept.slice(0, -1).trimEnd()
  return `${kept}${ellipsis}`
}
