/** Code point ranges, inclusive. */
type Ranges = ReadonlyArray<readonly [number, number]>

/** Whether the fonts have a glyph for a code point. */
export type Coverage = (codePoint: number) => boolean

/** The coverage of a list of ranges, looked up by binary search. */
export function inRanges(ranges: Ranges): Coverage {
  const merged = merge(ranges)
  return (cp) => {
    let low = 0
    let high = merged.length - 1
    while (low <= high) {
      const mid = (low + high) >> 1
      const [from, to] = merged[mid] ?? [0, -1]
      if (cp < from) high = mid - 1
      else if (cp > to) low = mid + 1
      else return true
    }
    return false
  }
}

/** Ranges sorted by start, overlapping and adjacent ones joined. */
function merge(ranges: Ranges): Array<[number, number]> {
  const merged: Array<[number, number]> = []
  for (const [from, to] of [...ranges].sort((a, b) => a[0] - b[0])) {
    const last = merged.at(-1)
    if (last && from <= last[1] + 1) last[1] = Math.max(last[1], to)
    else merged.push([from, to])
  }
  return merged
}

/** The characters of `text` no font covers, each once, in order of appearance. */
export function missingCharacters(text: string, covers: Coverage): string[] {
  const missing: string[] = []
  for (const char of new Set(text)) {
    if (/[\s\p{Default_Ignorable_Code_Point}\p{Cc}]/u.test(char)) continue
    if (!covers(char.codePointAt(0) ?? 0)) missing.push(char)
  }
  return missing
}
