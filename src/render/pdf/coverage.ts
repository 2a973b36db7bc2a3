/** Code point ranges, inclusive. */
type Ranges = ReadonlyArray<readonly [number, number]>

/** Whether the fonts have a glyph for a code point. */
export type Coverage = (codePoint: number) => boolean

/** The coverage of a list of ranges. */
export const inRanges = (ranges: Ranges): Coverage => (cp) => ranges.some(([from, to]) => cp >= from && cp <= to)

/**
 * What the theme's fonts can draw, from the `unicode-range` of their `@font-face` rules
 * (Fontsource lists exactly the characters each file has).
 */
export function fontCoverage(stylesheets: readonly string[]): Ranges {
  const ranges: Array<[number, number]> = []
  for (const css of stylesheets) {
    for (const match of css.matchAll(/unicode-range:\s*([^;}]+)/gi)) {
      for (const part of (match[1] ?? '').split(',')) {
        const range = parseRange(part.trim())
        if (range) ranges.push(range)
      }
    }
  }
  return ranges.sort((a, b) => a[0] - b[0])
}

/** The characters of `text` no font covers, each once, in order of appearance. */
export function missingCharacters(text: string, covers: Coverage): string[] {
  const missing = new Set<string>()
  for (const char of text) {
    if (/[\s\p{Default_Ignorable_Code_Point}\p{Cc}]/u.test(char)) continue
    if (!covers(char.codePointAt(0) ?? 0)) missing.add(char)
  }
  return [...missing]
}

function parseRange(part: string): [number, number] | undefined {
  const m = /^U\+([0-9a-f?]+)(?:-([0-9a-f]+))?$/i.exec(part)
  if (!m?.[1]) return undefined
  if (m[1].includes('?')) return [parseInt(m[1].replaceAll('?', '0'), 16), parseInt(m[1].replaceAll('?', 'f'), 16)]
  const from = parseInt(m[1], 16)
  return [from, m[2] ? parseInt(m[2], 16) : from]
}
