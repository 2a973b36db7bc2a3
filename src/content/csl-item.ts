import { z } from 'zod'

// Note: the shape citeproc and the page templates rely on. citeproc calls string methods on text
// variables and `map` on name lists, so a `title: 1984` or an `author: Orwell` must stop here.
const text = z.string()
const textOrNumber = z.union([z.string(), z.number()])

const name = z.looseObject({
  family: text.optional(),
  given: text.optional(),
  literal: text.optional(),
  suffix: text.optional(),
  'dropping-particle': text.optional(),
  'non-dropping-particle': text.optional(),
})

const date = z.looseObject({
  'date-parts': z.array(z.array(textOrNumber).max(3)).max(2).optional(),
  literal: text.optional(),
  raw: text.optional(),
  season: textOrNumber.optional(),
  circa: z.union([z.string(), z.number(), z.boolean()]).optional(),
})

const nameVariables = [
  'author',
  'chair',
  'collection-editor',
  'compiler',
  'composer',
  'container-author',
  'contributor',
  'curator',
  'director',
  'editor',
  'editorial-director',
  'executive-producer',
  'guest',
  'host',
  'illustrator',
  'interviewer',
  'narrator',
  'organizer',
  'original-author',
  'performer',
  'producer',
  'recipient',
  'reviewed-author',
  'script-writer',
  'series-creator',
  'translator',
]
const dateVariables = ['accessed', 'available-date', 'event-date', 'issued', 'original-date', 'submitted']
const numberVariables = [
  'chapter-number',
  'citation-number',
  'collection-number',
  'edition',
  'first-reference-note-number',
  'issue',
  'locator',
  'number',
  'number-of-pages',
  'number-of-volumes',
  'page',
  'page-first',
  'part-number',
  'printing-number',
  'section',
  'supplement-number',
  'version',
  'volume',
]
const textVariables = [
  'abstract',
  'annote',
  'archive',
  'archive_collection',
  'archive_location',
  'archive-place',
  'authority',
  'call-number',
  'citation-key',
  'citation-label',
  'collection-title',
  'container-title',
  'container-title-short',
  'dimensions',
  'division',
  'DOI',
  'event',
  'event-title',
  'event-place',
  'genre',
  'ISBN',
  'ISSN',
  'jurisdiction',
  'keyword',
  'language',
  'license',
  'medium',
  'note',
  'original-publisher',
  'original-publisher-place',
  'original-title',
  'part-title',
  'PMCID',
  'PMID',
  'publisher',
  'publisher-place',
  'references',
  'reviewed-genre',
  'reviewed-title',
  'scale',
  'source',
  'status',
  'title',
  'title-short',
  'type',
  'URL',
  'volume-title',
  'year-suffix',
]

/** One CSL item as citeproc may safely receive it; other fields pass through unchecked. */
export const cslItemSchema = z.looseObject({
  id: z.union([z.string().min(1), z.number()]),
  ...Object.fromEntries(nameVariables.map((v) => [v, z.array(name).optional()])),
  ...Object.fromEntries(dateVariables.map((v) => [v, date.optional()])),
  ...Object.fromEntries(numberVariables.map((v) => [v, textOrNumber.optional()])),
  ...Object.fromEntries(textVariables.map((v) => [v, text.optional()])),
})

/** The first problem with an item's shape: the field's path and what it should be, or undefined when it is fine. */
export function cslItemProblem(raw: unknown): { path: PropertyKey[]; expected: string } | undefined {
  const result = cslItemSchema.safeParse(raw)
  const issue = result.success ? undefined : result.error.issues[0]
  if (!issue) return undefined
  const [field] = issue.path
  const expected =
    typeof field !== 'string'
      ? 'a map of fields'
      : nameVariables.includes(field)
        ? 'a list of names, each with `family` and `given` (or `literal`)'
        : dateVariables.includes(field)
          ? 'a date such as `{date-parts: [[2020, 5]]}`'
          : numberVariables.includes(field)
            ? 'a number or text'
            : field === 'id'
              ? 'a key, as text'
              : 'text (put quotes around a value like `"1984"`)'
  return { path: issue.path, expected }
}
