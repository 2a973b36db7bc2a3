import { z } from 'zod'
import { languageTag, localizedString } from '../core/front-matter.ts'
import { type LintRule, lintDefaults } from './lint-levels.ts'

/** One kind of argument a brief can make. */
export const argumentKindSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'expected lower-case letters, digits and `-`'),
  label: localizedString,
})

/** content/site.yaml. */
export const siteSchema = z.strictObject({
  title: localizedString,
  // Note: it lands in canonical links, the feed and the sitemap: only a web address may.
  baseUrl: z.url({ protocol: /^https?$/, error: 'expected an http:// or https:// address' }),
  languages: z.array(languageTag).min(1).default(['zh']),
  theme: z
    .string()
    .regex(/^[\w-]+$/, 'expected a theme folder name')
    .default('default'),
  argumentKinds: z.array(argumentKindSchema).min(1).optional(),
  csl: localizedString.optional(),
  cslStyles: z.string().min(1).optional(),
  paper: z.enum(['A4', 'Letter']).default('A4'),
  // Note: contents earn their place from about ten pages on; a shorter brief is read through.
  contentsFrom: z.number().int().min(0).default(10),
  requiredKinds: z.array(z.string().min(1)).default([]),
  cache: z.string().min(1).optional(),
  lint: z
    .partialRecord(z.enum(Object.keys(lintDefaults) as [LintRule, ...LintRule[]]), z.enum(['off', 'warn', 'error']))
    .default({}),
})

/** What site.yaml holds after validation. */
export type SiteFile = z.output<typeof siteSchema>
/** A string, or a map from language to string. */
export type { LocalizedString } from '../core/front-matter.ts'
