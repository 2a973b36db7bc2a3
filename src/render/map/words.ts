/** The theme's words a map needs, in the page's language (theme strings `argumentMap`, `map…`). */
export interface MapWords {
  /** The section's heading and the start of the SVG's title: "Argument map". */
  argumentMap: string
  /** The SVG's description, with `{claims}`, `{works}`, `{objections}` and `{responses}`. */
  description: string
  /** The summary of the list: "The map as a list". */
  asList: string
  thesis: string
  claim: string
  evidence: string
  objection: string
  response: string
  supports: string
  attacks: string
  /** A list item's kind before its text, with `{role}`: "{role}: ", "{role}：". */
  role: string
}

/** English, for a theme that names none of the map's words. */
export const englishMapWords: MapWords = {
  argumentMap: 'Argument map',
  description: 'The thesis, {claims} claims, {works} works cited, {objections} objections and {responses} responses.',
  asList: 'The map as a list',
  thesis: 'Thesis',
  claim: 'Claim',
  evidence: 'Work cited',
  objection: 'Objection',
  response: 'Response',
  supports: 'supports',
  attacks: 'attacks',
  role: '{role}: ',
}

/** The map's words from a theme's strings (`argumentMap`, `mapDescription`, `mapAsList`, `mapThesis` …, `mapRole`), English where it has none. */
export function mapWords(strings: Readonly<Record<string, string>>): MapWords {
  const word = (key: string, fallback: string) => strings[key] ?? fallback
  const e = englishMapWords
  return {
    argumentMap: word('argumentMap', e.argumentMap),
    description: word('mapDescription', e.description),
    asList: word('mapAsList', e.asList),
    thesis: word('mapThesis', e.thesis),
    claim: word('mapClaim', e.claim),
    evidence: word('mapEvidence', e.evidence),
    objection: word('mapObjection', e.objection),
    response: word('mapResponse', e.response),
    supports: word('mapSupports', e.supports),
    attacks: word('mapAttacks', e.attacks),
    role: word('mapRole', e.role),
  }
}
