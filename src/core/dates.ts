/**
 * An ISO date (`2021-02-03`, `2021-02`) or a range of years (`2021–2022`, `2021–22`), as a regular
 * expression source with the group `date`: a line must not break at its dashes. Not inside a word, a
 * version, a path or a longer number (`S19-2021-02`, `/2021-05/21/`, `COVID-19`), so URLs and DOIs keep theirs.
 */
export const isoDate = String.raw`(?<![\p{Script=Latin}\d.,_/\-–])(?<date>\d{4}(?:-\d{2}){1,2}|\d{4}[-–](?:\d{4}|\d{2}))(?![\d/\-–])`
