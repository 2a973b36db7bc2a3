/**
 * A label cut to at most `max` characters, `…` included: English between words (unless the last word
 * starts before the middle), Chinese between any two characters; punctuation and spaces left at the
 * cut are dropped. Characters, not UTF-16 units, are counted, so no emoji or rare Han is split.
 */
export function shorten(text: string, max: number): string {
  const chars = Array.from(text.trim())
  if (chars.length <= max) return chars.join('')
  let head = chars.slice(0, max - 1).join('')
  const next = chars[max - 1] ?? ''
  const last = chars[max - 2] ?? ''
  if (inWord(last) && inWord(next)) {
    const space = head.search(/\s\S*$/u)
    if (space > head.length / 2) head = head.slice(0, space)
  }
  return `${head.replace(/[\s\p{P}]+$/u, '')}…`
}

// Note: Han characters are words of their own; a line (and a label) may break between any two.
function inWord(char: string): boolean {
  return /[\p{L}\p{N}]/u.test(char) && !/\p{Script=Han}/u.test(char)
}
