import fs from 'node:fs'
import path from 'node:path'
import { kindLabel } from '../config/kinds.ts'
import type { ResolvedConfig } from '../config/resolve.ts'
import { BriefkitError } from '../reporting/errors.ts'
import { type Placeholders, placeholdersFor } from './placeholders.ts'

/**
 * Make `content/<slug>/` for a new brief in `lang`: brief.md, one file per argument kind of the
 * site, conclusion.md and an empty references.bib, with comments showing the format. Refuses to
 * touch a folder that exists. Returns the files written.
 */
export function scaffoldBrief(config: ResolvedConfig, slug: string, lang: string, today = new Date()): string[] {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(slug)) {
    throw new BriefkitError(`\`${slug}\` cannot be a brief's folder name`, {
      hint: 'Use lower-case letters, digits and `-`, e.g. `carbon-tax`; it becomes the page address.',
    })
  }
  if (!config.languages.includes(lang)) {
    throw new BriefkitError(`\`${lang}\` is not one of the site's languages`, {
      hint: `site.yaml lists: ${config.languages.join(', ')}.`,
    })
  }
  const dir = path.join(config.contentDir, slug)
  if (fs.existsSync(dir))
    throw new BriefkitError(`${dir} already exists`, {
      hint: 'Choose another name; briefkit never overwrites a brief.',
    })

  const words = placeholdersFor(lang)
  const files: Array<[string, string]> = [
    ['brief.md', briefFile(words, lang, today)],
    ...config.argumentKinds.map((kind, i): [string, string] => [
      `arguments/${String(i + 1).padStart(2, '0')}-${kind.id}.md`,
      argumentFile(words, kind.id, kindLabel(config.argumentKinds, kind.id, lang)),
    ]),
    [
      'conclusion.md',
      `---\n# title: optional; the default is the theme's word for "Conclusion"\n---\n${words.conclusion}\n`,
    ],
    // Note: no at sign in the comment: BibTeX would read one as the start of an entry.
    [
      'references.bib',
      "% BibTeX or BibLaTeX entries, one per source, cited in the text by their keys.\n% Give each entry a langid (chinese or english): it picks the entry's style rules.\n",
    ],
  ]
  fs.mkdirSync(path.join(dir, 'arguments'), { recursive: true })
  for (const [name, text] of files) fs.writeFileSync(path.join(dir, name), text)
  return files.map(([name]) => path.join(dir, name))
}

function briefFile(words: Placeholders, lang: string, today: Date): string {
  return [
    '---',
    `title: ${words.title}                 # required`,
    '# subtitle: optional',
    'authors:                          # required, at least one',
    `  - name: ${words.author}`,
    '    # affiliation: optional',
    `date: ${today.toISOString().slice(0, 10)}                  # YYYY-MM-DD`,
    `lang: ${lang}`,
    'summary: |-                       # required; markdown, may cite',
    `  ${words.summary}`,
    'keyFindings:                      # optional list; markdown, may cite',
    `  - ${words.finding}`,
    'recommendations:                  # optional list, shown after the conclusion',
    `  - ${words.recommendation}`,
    '# csl: apa                        # optional: a CSL style id or a .csl file',
    '# nocite: [key]                   # optional: works listed without a citation',
    'tags: []',
    '---',
    words.intro,
    '',
  ].join('\n')
}

function argumentFile(words: Placeholders, kind: string, label: string): string {
  return [
    '---',
    `kind: ${kind}                    # ${label}; one of the kinds in site.yaml`,
    `title: ${label}`,
    `claim: ${words.claim}`,
    '# order: optional number; files are otherwise in name order',
    '---',
    words.body,
    '',
  ].join('\n')
}
