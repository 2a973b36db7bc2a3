import { z } from 'zod'
import { languageTag } from '../config/schema.ts'

const isoDate = z
  .union([z.string(), z.date()])
  .transform((value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value))
  .pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD'))

/** Front matter of `brief.md`. */
export const briefSchema = z.strictObject({
  title: z.string().min(1),
  subtitle: z.string().min(1).optional(),
  authors: z.array(z.strictObject({ name: z.string().min(1), affiliation: z.string().min(1).optional() })).min(1),
  date: isoDate,
  lang: languageTag,
  summary: z.string().min(1),
  keyFindings: z.array(z.string().min(1)).default([]),
  recommendations: z.array(z.string().min(1)).default([]),
  bibliography: z.string().min(1).optional(),
  csl: z.string().min(1).optional(),
  nocite: z.array(z.string().min(1)).default([]),
  tags: z.array(z.string().min(1)).default([]),
})

/** Front matter of one `arguments/*.md` file. */
export const argumentSchema = z.strictObject({
  kind: z.string().min(1),
  title: z.string().min(1),
  claim: z.string().min(1),
  order: z.number().optional(),
})

/** Front matter of `conclusion.md`. */
export const conclusionSchema = z.strictObject({
  title: z.string().min(1).optional(),
})

/** What brief.md's front matter holds after validation. */
export type BriefMeta = z.output<typeof briefSchema>
/** What an argument's front matter holds after validation. */
export type ArgumentMeta = z.output<typeof argumentSchema>
/** What conclusion.md's front matter holds after validation. */
export type ConclusionMeta = z.output<typeof conclusionSchema>
