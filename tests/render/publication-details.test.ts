import fs from 'node:fs'
import path from 'node:path'
import * as cheerio from 'cheerio'
import { describe, expect, it } from 'vitest'
import { renderSite } from '../../src/orchestrate/render-site.ts'
import { renderPrintPage } from '../../src/render/html/pages.ts'
import { compileContent, copySite } from '../helpers/sites.ts'

const details = `authors:
  - name: Ada Example
    affiliation: Test Institute
    orcid: 0000-0002-1825-0097
    email: ada@example.org
    corresponding: true
  - name: Bo Sample
    affiliation: Other University
    email: bo@example.org
series: Northern Heat Policy Notes
number: NHP-2026-07
doi: 10.5281/zenodo.1234567
license: CC-BY-4.0
version: "1.1"
updated: 2026-10-20
errata:
  - date: 2026-10-02
    text: Fixed a typo.
  - date: 2026-10-20
    text: Corrected the growth of heat pump sales in 2022 from **13%** to 11%.`

async function built() {
  const site = copySite('citations')
  const file = path.join(site.content, 'policy-en', 'brief.md')
  const text = fs.readFileSync(file, 'utf8')
  fs.writeFileSync(file, text.replace(/^authors: .*$/m, details))
  const { config, theme, briefs } = compileContent(site.content, false)
  if (!config || !theme) throw new Error('the citations site did not compile')
  const rendered = await renderSite(briefs, { config, theme }, new Set(), { drawCharts: false })
  const brief = briefs.find((b) => b.lang === 'en')
  if (!brief) throw new Error('no English brief')
  const print = await renderPrintPage(brief, config, theme, { drawCharts: false })
  const at = (p: string) => {
    const file = rendered.files.find((f) => f.path === p)
    return file && 'content' in file ? String(file.content) : ''
  }
  return { page: cheerio.load(at('en/policy-en/index.html')), print: cheerio.load(print.html), at }
}

describe("a brief's authors and publication details", async () => {
  const { page: $, print, at } = await built()

  it('shows each author on a line with affiliation, ORCID link and the corresponding email', () => {
    const lines = $('.byline > li')
    expect(lines).toHaveLength(2)
    expect(lines.eq(0).find('.author').text()).toBe('Ada Example')
    expect(lines.eq(0).find('.affiliation').text()).toBe('Test Institute')
    const orcid = lines.eq(0).find('a.orcid')
    expect(orcid.attr('href')).toBe('https://orcid.org/0000-0002-1825-0097')
    expect(orcid.attr('aria-label')).toBe('ORCID 0000-0002-1825-0097, Ada Example')
    expect(lines.eq(0).find('a[href="mailto:ada@example.org"]').text()).toBe('ada@example.org')
    // Note: only the corresponding author's address is shown.
    expect(lines.eq(1).find('a')).toHaveLength(0)
  })

  it('shows series, number, DOI, licence, version and the updated date', () => {
    expect($('.series').text()).toBe('Northern Heat Policy Notes · NHP-2026-07')
    expect($('a.doi').attr('href')).toBe('https://doi.org/10.5281/zenodo.1234567')
    expect($('a[rel="license"]').attr('href')).toBe('https://creativecommons.org/licenses/by/4.0/')
    expect($('a[rel="license"]').text()).toBe('CC-BY-4.0')
    expect($('.publication').text()).toContain('Version 1.1')
    expect($('.meta time[datetime="2026-10-20"]').text()).toBe('October 20, 2026')
  })

  it('shows the errata, newest first, their markdown rendered, on the page and in print', () => {
    for (const doc of [$, print]) {
      expect(doc('.errata h2').text()).toBe('Errata')
      const items = doc('.errata li')
      expect(items.map((_, li) => doc(li).find('time').attr('datetime')).get()).toEqual(['2026-10-20', '2026-10-02'])
      expect(items.eq(0).find('strong').text()).toBe('13%')
    }
    expect(print('.cover-series').text()).toBe('Northern Heat Policy Notes · NHP-2026-07')
    expect(print('.cover-date').text()).toContain('Updated October 20, 2026')
  })

  it('puts the new data in the citation_* tags and the JSON-LD', () => {
    const tags = $('meta[name^="citation_"]')
      .map((_, m) => `${$(m).attr('name')}=${$(m).attr('content')}`)
      .get()
    const authorTags = tags.filter((t) => t.startsWith('citation_author'))
    expect(authorTags).toEqual([
      'citation_author=Ada Example',
      'citation_author_institution=Test Institute',
      'citation_author_orcid=https://orcid.org/0000-0002-1825-0097',
      'citation_author=Bo Sample',
      'citation_author_institution=Other University',
    ])
    expect(tags).toContain('citation_doi=10.5281/zenodo.1234567')
    const data = JSON.parse($('script[type="application/ld+json"]').text()) as Record<string, unknown>
    expect(data['author']).toEqual([
      {
        '@type': 'Person',
        name: 'Ada Example',
        affiliation: { '@type': 'Organization', name: 'Test Institute' },
        identifier: 'https://orcid.org/0000-0002-1825-0097',
      },
      { '@type': 'Person', name: 'Bo Sample', affiliation: { '@type': 'Organization', name: 'Other University' } },
    ])
    expect(data).toMatchObject({
      datePublished: '2025-06-01',
      dateModified: '2026-10-20',
      identifier: { '@type': 'PropertyValue', propertyID: 'DOI', value: '10.5281/zenodo.1234567' },
      license: 'https://creativecommons.org/licenses/by/4.0/',
      version: '1.1',
      reportNumber: 'NHP-2026-07',
    })
  })

  it("gives the feed entry's and the feed's updated date from `updated:`", () => {
    const feed = at('en/feed.xml')
    expect(feed).toContain('<published>2025-06-01T00:00:00Z</published>')
    expect(feed).toContain('<updated>2026-10-20T00:00:00Z</updated>\n    <author>')
    expect(feed).toMatch(/<id>[^<]*<\/id>\n {2}<updated>2026-10-20T00:00:00Z<\/updated>/)
  })

  it('writes DOI, series, number and version into the .bib and .ris files', () => {
    const bib = at('en/policy-en/policy-en.bib')
    expect(bib).toContain('doi = {10.5281/zenodo.1234567}')
    expect(bib).toContain('number = {NHP-2026-07}')
    expect(bib).toMatch(/series = \{Northern \{?Heat\}? \{?Policy\}? \{?Notes\}?\}/)
    expect(bib).toContain('version = {1.1}')
    expect(bib).toContain('author = {Example, Ada and Sample, Bo}')
    const ris = at('en/policy-en/policy-en.ris')
    expect(ris).toContain('DO  - 10.5281/zenodo.1234567')
    expect(ris).toContain('SN  - NHP-2026-07')
    expect(ris).toContain('T2  - Northern Heat Policy Notes')
    expect(ris).toMatch(/AU {2}- Example, Ada\r?\nAU {2}- Sample, Bo/)
  })
})
