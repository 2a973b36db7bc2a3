/** The printable ASCII characters: every font subset keeps them (page numbers, what stylesheets add, what a reader types). */
export const printableAscii = Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i)).join('')

/** The characters a font subset of `text` keeps: printable ASCII and those of `text`, each once, sorted. */
export function subsetCharacters(text: string): string {
  return [...new Set(printableAscii + text)].sort().join('')
}
