import { execFileSync } from 'node:child_process'
import { chineseUnitWords } from '../../src/core/units.ts'

/** A line of text on a PDF page, from `pdftotext -bbox-layout`: its words joined and its box, in points. */
export interface PdfLine {
  text: string
  top: number
  bottom: number
  left: number
  right: number
  /** The last line of poppler's block (its guess at a paragraph) of more than one line. */
  endsBlock: boolean
  /** The line is one of a block of several lines. */
  inParagraph: boolean
  /** The next line is the same paragraph's. */
  continues: boolean
  /** The line is in the reference list (from its heading on), whose tighter type is no body text. */
  inReferences: boolean
}

/** A page of a PDF: its height and its lines, top to bottom, without the running head and page number. */
export interface PdfPage {
  number: number
  height: number
  lines: PdfLine[]
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }
// Note: invisible joiners (U+2060 before a citation mark, U+200B, U+00AD) are no characters a reader counts.
const decode = (text: string) =>
  text
    .replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => entities[name] ?? '')
    .replace(/[\u2060\u200b\u00ad]/g, '')
const attribute = (tag: string, name: string) => Number(new RegExp(`${name}="([\\d.]+)"`).exec(tag)?.[1] ?? 0)
const cjk = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u

/** Join a line's words as a reader sees them: a space between Latin words, none beside a Chinese one. */
function joinWords(words: string[]): string {
  let text = ''
  for (const word of words) {
    if (text && !cjk.test(text.at(-1) ?? '') && !cjk.test(word[0] ?? '')) text += ' '
    text += word
  }
  return text
}

/**
 * The pages of a PDF as lines, from `pdftotext -bbox-layout`. Lines that end in the top 6% or start in the bottom 6% of
 * the page (the running head and page number of both themes) are left out. Poppler's blocks are
 * not paragraphs at a loose line height, so lines are grouped anew: a line continues the one above
 * when it follows at the usual pitch. `referencesHeading` (`References`) marks where the
 * reference list starts.
 */
export function pdfPages(file: string, referencesHeading = ''): PdfPage[] {
  const xml = execFileSync('pdftotext', ['-bbox-layout', file, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 })
  const pages: PdfPage[] = []
  for (const [number, pageXml] of xml.split('<page ').slice(1).entries()) {
    const height = attribute(pageXml.slice(0, pageXml.indexOf('>')), 'height')
    const lines: PdfLine[] = []
    for (const lineXml of pageXml.split('<line ').slice(1)) {
      const head = lineXml.slice(0, lineXml.indexOf('>'))
      const words = [...lineXml.matchAll(/<word [^>]*>([^<]*)<\/word>/g)].map((m) => decode(m[1] ?? ''))
      const line = {
        text: joinWords(words),
        top: attribute(head, 'yMin'),
        bottom: attribute(head, 'yMax'),
        left: attribute(head, 'xMin'),
        right: attribute(head, 'xMax'),
        endsBlock: false,
        inParagraph: false,
        continues: false,
        inReferences: false,
      }
      if (line.bottom > height * 0.06 && line.top < height * 0.94) lines.push(line)
    }
    lines.sort((a, b) => a.top - b.top || a.left - b.left)
    pages.push({ number: number + 1, height, lines })
  }
  mergePieces(pages)
  let inReferences = false
  for (const line of pages.flatMap((p) => p.lines)) {
    inReferences ||= referencesHeading !== '' && line.text === referencesHeading
    line.inReferences = inReferences
  }
  groupParagraphs(pages)
  return pages
}

/** Merge the pieces poppler splits one line into (a contents entry and its page number, text around a link). */
function mergePieces(pages: PdfPage[]): void {
  for (const page of pages) {
    const merged: PdfLine[] = []
    for (const line of page.lines) {
      const same = merged.find((m) => Math.abs(m.bottom - line.bottom) < 2.5)
      if (!same) merged.push(line)
      else {
        const [first, second] = same.left <= line.left ? [same, line] : [line, same]
        Object.assign(same, {
          text: joinWords([first.text, second.text]),
          top: Math.min(same.top, line.top),
          left: first.left,
          right: second.right,
        })
      }
    }
    page.lines = merged.sort((a, b) => a.bottom - b.bottom)
  }
}

/**
 * Mark the lines that belong to a paragraph of several lines (each following the one above at the
 * document's usual baseline pitch, give or take an eighth: Chinese lines differ in height with their
 * punctuation) and each paragraph's last line.
 */
function groupParagraphs(pages: PdfPage[]): void {
  // Note: the pitch that carries the most text, give or take a point (Chinese lines vary with their glyphs); the references' tighter pitch has more lines, not more text.
  const pitches = pages.flatMap((p) =>
    p.lines
      .slice(1)
      .map((l, i) => [Math.round(l.bottom - (p.lines[i]?.bottom ?? 0)), l.inReferences ? 0 : [...l.text].length]),
  )
  const weights = new Map<number, number>()
  for (const [pitch = 0, chars = 0] of pitches) if (pitch > 4) weights.set(pitch, (weights.get(pitch) ?? 0) + chars)
  const near = (p: number) => (weights.get(p - 1) ?? 0) + (weights.get(p) ?? 0) + (weights.get(p + 1) ?? 0)
  const pitch = [...weights.keys()].sort((a, b) => near(b) - near(a))[0] ?? 0
  for (const page of pages) {
    const follows = (line: PdfLine | undefined, above: PdfLine | undefined) =>
      line !== undefined &&
      above !== undefined &&
      Math.abs(line.bottom - above.bottom - pitch) <= Math.max(1.5, pitch / 8)
    page.lines.forEach((line, i) => {
      const joinsAbove = follows(line, page.lines[i - 1])
      const joinsBelow = follows(page.lines[i + 1], line)
      line.inParagraph = joinsAbove || joinsBelow
      line.endsBlock = joinsAbove && !joinsBelow && i + 1 < page.lines.length
      line.continues = joinsBelow
    })
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted.length ? (sorted[Math.floor((sorted.length - 1) / 2)] ?? 0) : 0
}

/** Lines of running text (after the cover): in a paragraph, not its last line. */
export function bodyLines(pages: PdfPage[]): PdfLine[] {
  return pages
    .slice(1)
    .flatMap((p) => p.lines)
    .filter((l) => l.continues && !l.inReferences)
}

/** Characters in a line of text, as `pdftotext -layout` counts them (a space between words counts). */
export const lineLength = (line: PdfLine) => [...line.text].length

/** The median length of a full body line, in characters. */
export const medianMeasure = (pages: PdfPage[]) => median(bodyLines(pages).map(lineLength))

/**
 * How full each page is between the cover and the last page: from the top of the text area (the
 * highest first line of any page) to the page's last line, over the text area's height.
 */
export function pageFullness(pages: PdfPage[]): Array<{ page: number; full: number }> {
  const inner = pages.slice(1)
  const top = Math.min(...inner.flatMap((p) => p.lines.slice(0, 1).map((l) => l.top)))
  const bottom = Math.max(...inner.flatMap((p) => p.lines.map((l) => l.bottom)))
  return inner
    .slice(0, -1)
    .map((p) => ({ page: p.number, full: ((p.lines.at(-1)?.bottom ?? top) - top) / (bottom - top) }))
}

/** The last line of text on each page after the cover. */
export const lastLines = (pages: PdfPage[]) =>
  pages.slice(1).map((p) => ({ page: p.number, text: p.lines.at(-1)?.text ?? '' }))

/** Lines of a paragraph that end in a number where the next line starts with its unit or measure word. */
export function numbersCutFromUnits(pages: PdfPage[]): string[] {
  const cuts: string[] = []
  for (const page of pages) {
    page.lines.forEach((line, i) => {
      const next = page.lines[i + 1]
      if (
        next &&
        line.continues &&
        /\p{Script=Han}/u.test(line.text) &&
        /\d$/.test(line.text) &&
        chineseUnitWords.some((u) => next.text.startsWith(u))
      )
        cuts.push(`${line.text} / ${next.text}`)
    })
  }
  return cuts
}

/** Last lines of paragraphs holding at most `most` characters of Chinese, Latin letters or digits (a citation mark `[6]` and punctuation not counted). */
export function shortLastLines(pages: PdfPage[], most = 1): string[] {
  return pages
    .slice(1)
    .flatMap((p) => p.lines)
    .filter((l) => l.endsBlock && cjk.test(l.text))
    .filter((l) => [...l.text.replace(/\[[\d,–-]+\]/g, '').replace(/[^\p{L}\p{N}]/gu, '')].length <= most)
    .map((l) => l.text)
}
