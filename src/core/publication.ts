import { closest } from 'fastest-levenshtein'

/** Licences a brief may name by SPDX id, with the page that states each. */
export const licences: Readonly<Record<string, string>> = {
  'CC-BY-4.0': 'https://creativecommons.org/licenses/by/4.0/',
  'CC-BY-SA-4.0': 'https://creativecommons.org/licenses/by-sa/4.0/',
  'CC-BY-NC-4.0': 'https://creativecommons.org/licenses/by-nc/4.0/',
  'CC-BY-NC-SA-4.0': 'https://creativecommons.org/licenses/by-nc-sa/4.0/',
  'CC-BY-ND-4.0': 'https://creativecommons.org/licenses/by-nd/4.0/',
  'CC-BY-NC-ND-4.0': 'https://creativecommons.org/licenses/by-nc-nd/4.0/',
  'CC0-1.0': 'https://creativecommons.org/publicdomain/zero/1.0/',
}

/** "Did you mean `CC-BY-4.0`?" for a licence id briefkit does not know. */
export function licenceSuggestion(id: string): string {
  const known = Object.keys(licences)
  // Note: case is the commonest slip (`cc-by-4.0`), so it is compared without it.
  const near = closest(
    id.toUpperCase(),
    known.map((k) => k.toUpperCase()),
  )
  const match = known.find((k) => k.toUpperCase() === near) ?? known[0]
  return `Did you mean \`${match}\`? Known licences: ${known.map((k) => `\`${k}\``).join(', ')}.`
}

/** Whether `id` is an ORCID iD (`0000-0002-1825-0097`): four groups of four digits, the last character its ISO 7064 MOD 11-2 check. */
export function isOrcid(id: string): boolean {
  if (!/^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$/.test(id)) return false
  const digits = id.replaceAll('-', '')
  let total = 0
  for (const digit of digits.slice(0, -1)) total = (total + Number(digit)) * 2
  const check = (12 - (total % 11)) % 11
  return digits.at(-1) === (check === 10 ? 'X' : String(check))
}

/** A DOI as written in front matter: `10.`, a registrant code, `/`, a suffix without spaces. */
export const doiPattern = /^10\.\d{4,9}\/\S+$/

/** A DOI's resolver address, `https://doi.org/…`, with what would end a URL's path escaped. */
export function doiUrl(doi: string): string {
  return `https://doi.org/${encodeURI(doi).replaceAll('#', '%23').replaceAll('?', '%3F')}`
}
