import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { CslItem, Engine } from 'citeproc'
import { VFile } from 'vfile'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { briefItem, formatBriefReference } from '../../src/citations/cite-brief.ts'
import { withCiteproc } from '../../src/citations/engine.ts'
import { renderCitations } from '../../src/citations/render.ts'
import { loadStyle, systemCslDir } from '../../src/citations/styles.ts'
import { parseMarkdown } from '../../src/content/parse.ts'
import { markdownToHtml, transformMarkdown } from '../../src/pipeline/markdown.ts'

const chicago = 'chicago-author-date'
const gbt = 'briefkit-gb-t-7714-2015-numeric'

function work(id: string, family: string, year: number, title: string): CslItem {
  return { id, type: 'book', author: [{ family, given: 'Jane' }], issued: { 'date-parts': [[year]] }, title }
}

// Note: two briefs of one site, each with its own bibliography, that give the key `doe2020` to different works.
const briefA = new Map([
  ['doe2020', work('doe2020', 'Doe', 2020, 'Heat in Cities')],
  ['doe2020b', work('doe2020b', 'Doe', 2020, 'Shade in Streets')],
  ['khan2021', work('khan2021', 'Khan', 2021, 'Trees and Tarmac')],
])
const briefB = new Map([
  ['doe2020', work('doe2020', 'Roe', 2021, 'Water in Deserts')],
  ['fox2019', work('fox2019', 'Fox', 2019, 'Wind and Walls')],
])

type Render = typeof renderCitations

/** One unit of markdown through the pipeline, its citations rendered by `render`: its HTML and reference list. */
function compile(
  render: Render,
  markdown: string,
  items: ReadonlyMap<string, CslItem>,
  style: string,
  nocite: string[] = [],
) {
  const file = new VFile({ path: '/tmp/brief.md', value: markdown })
  const tree = parseMarkdown(file)
  transformMarkdown(tree, file, { citationKeys: new Set(items.keys()), contentDir: '/tmp', pdf: false, lang: 'en' })
  const references = render([file], loadStyle(style), items, style === gbt ? 'zh' : 'en', { nocite })
  const html = markdownToHtml(tree, file, { idPrefix: '', footnoteLabel: 'Notes', footnoteBackLabel: 'Back' })
  return { html, references }
}

describe('one citeproc engine per style and language, lent to brief after brief', () => {
  beforeEach(() => {
    vi.resetModules()
  })
  afterEach(() => {
    vi.unstubAllEnvs()
  })

  it('renders the work a brief gives a key, not the work the brief before gave the same key', () => {
    for (const style of [chicago, gbt]) {
      compile(renderCitations, 'A [@doe2020] [@doe2020b].', briefA, style)
      const { html, references } = compile(renderCitations, 'B [@doe2020] [@fox2019].', briefB, style)
      // Note: sorted by the new work's author (Fox before Roe), numbered by first citation.
      expect(references.map((r) => r.id)).toEqual(style === chicago ? ['fox2019', 'doe2020'] : ['doe2020', 'fox2019'])
      const entry = references.find((r) => r.id === 'doe2020')?.html
      expect(entry).toContain('Water in Deserts')
      expect(entry).not.toContain('Heat in Cities')
      if (style === chicago) expect(html).toContain('>(Roe 2021)<')
    }
  })

  it('keeps neither the works listed by nocite nor the disambiguation of the brief before', () => {
    const first = compile(renderCitations, 'A [@doe2020] [@doe2020b].', briefA, chicago, ['khan2021'])
    expect(first.html).toContain('>(Doe 2020a)<')
    expect(first.references.map((r) => r.id)).toEqual(['doe2020', 'doe2020b', 'khan2021'])
    const alone = new Map([['doe2020', briefA.get('doe2020')!]])
    const { html, references } = compile(renderCitations, 'A [@doe2020].', alone, chicago)
    expect(html).toContain('>(Doe 2020)<')
    expect(references.map((r) => r.id)).toEqual(['doe2020'])
  })

  it('renders a brief after others as a new engine renders it', async () => {
    compile(renderCitations, 'A [@doe2020] [@doe2020b] [@khan2021].', briefA, gbt, ['khan2021'])
    const reused = compile(renderCitations, 'B [@doe2020]; [-@doe2020].', briefB, gbt)
    // Note: a fresh copy of the modules, so a fresh pool of engines.
    const fresh = (await import('../../src/citations/render.ts')).renderCitations
    expect(fresh).not.toBe(renderCitations)
    expect(compile(fresh, 'B [@doe2020]; [-@doe2020].', briefB, gbt)).toEqual(reused)
  })

  it("cites a brief itself after its references, though one of them has the brief's slug as its key", () => {
    const style = loadStyle(gbt)
    const items = new Map([['heat-brief', work('heat-brief', 'Doe', 2020, 'Heat in Cities')]])
    compile(renderCitations, 'A [@heat-brief].', items, gbt)
    const item = briefItem({
      slug: 'heat-brief',
      title: 'Cooler Cities',
      authors: [{ name: 'Ada Example' }],
      date: '2026-01-02',
      lang: 'zh',
      summary: 'Shade.',
      tags: [],
      publisher: 'Example Press',
      url: 'https://example.org/zh/briefs/heat-brief/',
    })
    const html = formatBriefReference(item, style, 'zh')
    expect(html).toContain('Cooler Cities')
    expect(html).not.toContain('Heat in Cities')
    expect(html).not.toContain('csl-left-margin')
  })

  it('is made anew when a locale it read was edited (briefkit dev)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'briefkit-csl-'))
    fs.symlinkSync(path.join(systemCslDir, 'styles'), path.join(dir, 'styles'))
    fs.cpSync(path.join(systemCslDir, 'locales'), path.join(dir, 'locales'), { recursive: true })
    vi.stubEnv('BRIEFKIT_CSL_DIR', dir)
    const two = new Map([
      ['doe2020', { ...work('doe2020', 'Doe', 2020, 'Heat'), author: [{ family: 'Doe' }, { family: 'Roe' }] }],
    ])
    expect(compile(renderCitations, 'A [@doe2020].', two, chicago).html).toContain('>(Doe and Roe 2020)<')
    const locale = path.join(dir, 'locales', 'locales-en-US.xml')
    fs.writeFileSync(
      locale,
      fs.readFileSync(locale, 'utf8').replace('<term name="and">and</term>', '<term name="and">und</term>'),
    )
    expect(compile(renderCitations, 'A [@doe2020].', two, chicago).html).toContain('>(Doe und Roe 2020)<')
  })

  it('lends one engine per style and language again, but not one whose use threw', () => {
    const style = loadStyle(chicago)
    const lent = (lang = 'en') => withCiteproc(style, lang, briefB, (engine: Engine) => engine)
    const first = lent()
    expect(lent()).toBe(first)
    expect(lent('de')).not.toBe(first)
    expect(() =>
      withCiteproc(style, 'en', briefB, () => {
        throw new Error('citeproc failed half-way')
      }),
    ).toThrow('citeproc failed half-way')
    expect(lent()).not.toBe(first)
  })
})
