import { z } from 'zod'
import { doiPattern, isOrcid, licenceSuggestion, licences } from './publication.ts'

/** A BCP 47-ish language tag as used in folder names and `lang:` (zh, en, zh-Hant, pt-BR). */
export const languageTag = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'expected a language tag such as `zh` or `en`')

/** A string, or a map from language tag to string. */
export const localizedString = z.union([z.string().min(1), z.record(languageTag, z.string().min(1))])

const isoDate = z
  .union([z.string(), z.date()])
  .transform((value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value))
  .pipe(
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
      .refine(isCalendarDate, 'no such day in the calendar'),
  )

// Note: `new Date('2025-02-30')` is 2 March; a date is real only when it reads back unchanged.
function isCalendarDate(text: string): boolean {
  const date = new Date(`${text}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text
}

const author = z.strictObject({
  name: z.string().min(1),
  affiliation: z.string().min(1).optional(),
  orcid: z
    .string()
    .refine(
      isOrcid,
      'expected an ORCID iD such as `0000-0002-1825-0097` (its last character is a check digit; copy it from orcid.org)',
    )
    .optional(),
  // Note: plausible, not proven: one `@`, a dot in the domain, no spaces; a mailto link is all it becomes.
  email: z
    .string()
    .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'expected an email address such as `ada@example.org`')
    .optional(),
  corresponding: z.boolean().optional(),
})

const licence = z.string().refine((id) => Object.hasOwn(licences, id), {
  error: (issue) => `unknown licence \`${String(issue.input)}\`. ${licenceSuggestion(String(issue.input))}`,
})

/** Front matter of `brief.md`. */
export const briefSchema = z.strictObject({
  title: z.string().min(1),
  subtitle: z.string().min(1).optional(),
  authors: z.array(author).min(1),
  date: isoDate,
  updated: isoDate.optional(),
  series: z.string().min(1).optional(),
  number: z
    .union([z.string().min(1), z.number()])
    .transform(String)
    .optional(),
  doi: z
    .string()
    .regex(doiPattern, 'expected a DOI such as `10.5281/zenodo.1234567`, without `https://doi.org/`')
    .optional(),
  license: licence.optional(),
  version: z
    .union([z.string().min(1), z.number()])
    .transform(String)
    .optional(),
  errata: z.array(z.strictObject({ date: isoDate, text: z.string().min(1) })).default([]),
  lang: languageTag,
  summary: z.string().min(1),
  /** The brief's thesis, one sentence of markdown: the root of its argument map (else the title). */
  thesis: z.string().min(1).optional(),
  keyFindings: z.array(z.string().min(1)).default([]),
  recommendations: z.array(z.string().min(1)).default([]),
  bibliography: z.string().min(1).optional(),
  csl: z.string().min(1).optional(),
  nocite: z.array(z.string().min(1)).default([]),
  tags: z.array(z.string().min(1)).default([]),
})

// Note: an argument's id goes into HTML ids (`claim-policy`, `objection-policy-1`) and URLs: no spaces.
const argumentId = z
  .string()
  .regex(/^[\p{L}\p{N}][\p{L}\p{N}_-]*$/u, 'expected an id of letters, digits, `-` and `_`, such as `policy`')

/** Front matter of one `arguments/*.md` file. */
export const argumentSchema = z.strictObject({
  kind: z.string().min(1),
  title: z.string().min(1),
  claim: z.string().min(1),
  order: z.number().optional(),
  /** How other arguments name this one (default: the file name without its number, `01-policy.md` → `policy`). */
  id: argumentId.optional(),
  /** Whether the argument is for the thesis (`pro`) or against it (`con`). */
  stance: z.enum(['pro', 'con']).default('pro'),
  /** Ids of other arguments of the brief that this one supports, and that it attacks. */
  supports: z.array(argumentId).default([]),
  attacks: z.array(argumentId).default([]),
})

/** Front matter of `conclusion.md`. */
export const conclusionSchema = z.strictObject({
  title: z.string().min(1).optional(),
})

/** What brief.md's front matter holds after validation. */
export type BriefMeta = z.output<typeof briefSchema>
/** What an argument's front matter holds after validation, its `id` filled from the file name when not given. */
export type ArgumentMeta = WrittenArgumentMeta & { id: string }
/** An argument's front matter as validated, before its id is filled in (content/argument-id.ts). */
export type WrittenArgumentMeta = z.output<typeof argumentSchema>
/** What conclusion.md's front matter holds after validation. */
export type ConclusionMeta = z.output<typeof conclusionSchema>
/** A string, or a map from language to string. */
export type LocalizedString = z.output<typeof localizedString>
