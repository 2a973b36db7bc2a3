import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { corpusEditions, joinEdition, mdToPdfText, pandocText, splitFrontMatter } from '../../bench/editions.ts'

const brief = `---
title: "Urban heating: The Next Step"
lang: en
summary: "Costs rose [@a2020]."
keyFindings:
  - "First finding [@b2021]."
  - "Second finding."
---
The introduction [@c2022].
`
const argument = `---
kind: policy
title: "urban heating: argument 1"
claim: "Prices must fall [@a2020]."
---
The body of the argument.
`

describe('splitFrontMatter', () => {
  it('parses the YAML and returns the text after it', () => {
    const { meta, body } = splitFrontMatter(argument)
    expect(meta['kind']).toBe('policy')
    expect(body).toBe('The body of the argument.\n')
  })

  it('leaves a file without front matter whole', () => {
    expect(splitFrontMatter('Just text.\n')).toEqual({ meta: {}, body: 'Just text.\n' })
  })
})

describe('joinEdition', () => {
  it('puts summary, findings, introduction, arguments with their claims and the conclusion in reading order', () => {
    const joined = joinEdition(brief, [argument], '---\ntitle: Conclusion\n---\nIn the end.\n')
    expect(joined.title).toBe('Urban heating: The Next Step')
    expect(joined.lang).toBe('en')
    expect(joined.body).toBe(
      `${[
        'Costs rose [@a2020].',
        '- First finding [@b2021].\n- Second finding.',
        'The introduction [@c2022].',
        '## urban heating: argument 1',
        '**Prices must fall [@a2020].**',
        'The body of the argument.',
        '## Conclusion',
        'In the end.',
      ].join('\n\n')}\n`,
    )
  })

  it('gives Pandoc the title and language as metadata, md-to-pdf a heading and no front matter', () => {
    const edition = { name: 'x-en', bibliography: 'refs.bib', ...joinEdition(brief, [], undefined) }
    expect(pandocText(edition)).toMatch(/^---\ntitle: "Urban heating: The Next Step"\nlang: en\n---\n\nCosts rose/)
    expect(mdToPdfText(edition)).toMatch(/^# Urban heating: The Next Step\n\nCosts rose/)
  })
})

describe('corpusEditions', () => {
  it('finds both editions of each brief, sharing the brief’s bibliography', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'briefkit-editions-'))
    for (const edition of ['b1', 'b1/en']) {
      fs.mkdirSync(path.join(dir, edition, 'arguments'), { recursive: true })
      const lang = edition.endsWith('en') ? 'en' : 'zh'
      fs.writeFileSync(path.join(dir, edition, 'brief.md'), brief.replace('lang: en', `lang: ${lang}`))
      fs.writeFileSync(path.join(dir, edition, 'arguments', '01-policy-1.md'), argument)
    }
    fs.writeFileSync(path.join(dir, 'site.yaml'), 'title: x\n')
    const editions = corpusEditions(dir)
    expect(editions.map((e) => e.name)).toEqual(['b1-zh', 'b1-en'])
    expect(editions.every((e) => e.bibliography === path.join(dir, 'b1', 'references.bib'))).toBe(true)
    expect(editions[1]?.body).toContain('## urban heating: argument 1')
  })
})
