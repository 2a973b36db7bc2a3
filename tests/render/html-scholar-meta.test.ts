import { describe, expect, it } from 'vitest'
import type { CompiledBrief } from '../../src/core/compiled.ts'
import { scholarMeta } from '../../src/render/html/scholar-meta.ts'

const brief = {
  lang: 'en',
  summaryText: 'Costs rise & fall.',
  meta: {
    title: 'Shade <i>before</i> AC',
    authors: [{ name: 'Ada <b>Example</b>' }],
    date: '2026-01-02',
    tags: ['<b>heat</b>'],
  },
  citeThis: { item: { id: 'brief', type: 'report', URL: 'https://x.org/en/a/', publisher: 'Institute' } },
  references: [
    {
      id: 'smith',
      html: '',
      lang: undefined,
      citedAt: [],
      item: {
        id: 'smith',
        type: 'article',
        title: 'Street <img src=x onerror=alert(1)>trees',
        author: [{ family: 'Smith<script>alert(2)</script>', given: 'Jane' }],
        URL: 'javascript:alert(3)',
        DOI: '10.1/x',
      },
    },
  ],
} as unknown as CompiledBrief

describe('scholarMeta', () => {
  it("gives the brief's and its sources' titles and names as plain text", () => {
    const { tags, jsonLd } = scholarMeta(brief, undefined)
    const content = (name: string) => tags.filter((t) => t.name === name).map((t) => t.content)
    expect(content('citation_title')).toEqual(['Shade before AC'])
    expect(content('citation_author')).toEqual(['Ada Example'])
    expect(content('citation_keywords')).toEqual(['heat'])
    expect(content('citation_reference')).toEqual([
      'citation_author=Jane Smith; citation_title=Street trees; citation_doi=10.1/x',
    ])
    const data = JSON.parse(jsonLd) as { name: string; citation: Array<Record<string, unknown>> }
    expect(data.name).toBe('Shade before AC')
    expect(data.citation).toEqual([
      {
        '@type': 'CreativeWork',
        name: 'Street trees',
        author: [{ '@type': 'Person', name: 'Jane Smith' }],
        sameAs: 'https://doi.org/10.1/x',
      },
    ])
  })

  it("drops a source's URL that is not a web address (regression: `javascript:` in JSON-LD and citation_reference)", () => {
    const { tags, jsonLd } = scholarMeta(brief, undefined)
    expect(JSON.stringify(tags)).not.toContain('javascript')
    expect(jsonLd).not.toContain('javascript')
  })
})
