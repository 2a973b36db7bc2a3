import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { load } from 'cheerio'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  lastLines,
  medianMeasure,
  numbersCutFromUnits,
  type PdfPage,
  pageFullness,
  pdfPages,
  shortLastLines,
} from '../helpers/pdf-layout.ts'
import { copySite, runCli } from '../helpers/sites.ts'

// How the PDFs read, measured on their text as pdftotext places it: the sample (both editions)
// and an unseen English policy note of three arguments, in both themes. The goals are a think
// tank's: a comfortable measure, full pages, no heading left at a page's foot, numbers kept with
// their units, few stranded last lines, and the publication's details on the cover and last page.

interface Built {
  theme: string
  pdf: string
  lang: 'en' | 'zh'
  pages: PdfPage[]
  /** The brief's headings, claims and argument labels, from its web page. */
  headings: string[]
}

const repoRoot = path.resolve(import.meta.dirname, '..', '..')
const themes = ['default', 'report'] as const
const built: Built[] = []

/** Headings, claims and argument labels of a brief's web page, whitespace made single. */
function headingsOf(html: string): string[] {
  const $ = load(html)
  return $('main :is(h2, h3, h4, .claim, .argument-kind)')
    .map((_, el) => $(el).text().replace(/\s+/g, ' ').trim())
    .get()
}

async function build(content: string, theme: string, briefs: Array<{ slug: string; lang: 'en' | 'zh' }>) {
  const yaml = path.join(content, 'site.yaml')
  fs.writeFileSync(yaml, `${fs.readFileSync(yaml, 'utf8').replace(/^theme: .*\n/m, '')}theme: ${theme}\n`)
  const out = path.join(path.dirname(content), `dist-${theme}`)
  const result = await runCli(['build', '--content', content, '--out', out])
  expect(result.code, result.stderr).toBe(0)
  for (const { slug, lang } of briefs) {
    const pdf = path.join(out, lang, slug, `${slug}.pdf`)
    const references = lang === 'zh' ? '参考文献' : 'References'
    const html = fs.readFileSync(path.join(out, lang, slug, 'index.html'), 'utf8')
    built.push({ theme, pdf, lang, pages: pdfPages(pdf, references), headings: headingsOf(html) })
  }
}

beforeAll(async () => {
  for (const theme of themes) {
    const sample = fs.mkdtempSync(path.join(os.tmpdir(), 'briefkit-layout-'))
    fs.cpSync(path.join(repoRoot, 'content'), path.join(sample, 'content'), { recursive: true })
    await build(path.join(sample, 'content'), theme, [
      { slug: 'mining-not-viable', lang: 'zh' },
      { slug: 'mining-not-viable', lang: 'en' },
    ])
    await build(copySite('policy-note').content, theme, [{ slug: 'heat-pumps', lang: 'en' }])
  }
}, 240_000)

const mapHeading = (b: Built) => (b.lang === 'zh' ? '论证结构' : 'Argument map')
const name = (b: Built) => `${b.theme} ${path.relative(path.dirname(path.dirname(path.dirname(b.pdf))), b.pdf)}`

describe('the measure of the PDFs', () => {
  it('sets 60-75 characters to a line of English and 30-40 of Chinese (the median full line)', () => {
    const measures = built.map((b) => `${name(b)} ${medianMeasure(b.pages)}`)
    const wrong = built.filter((b) => {
      const m = medianMeasure(b.pages)
      return b.lang === 'en' ? m < 60 || m > 75 : m < 30 || m > 40
    })
    expect(wrong.map(name), measures.join('\n')).toEqual([])
  })
})

describe('the pages of the PDFs', () => {
  // Note: the argument map is a page of its own by design: it and the page before it may be short.
  it('fills every page but the last to at least 60%, but the argument map page and the one before it', () => {
    const empty = built.flatMap((b) =>
      pageFullness(b.pages)
        .filter((p) => p.full < 0.6)
        .filter((p) => ![p.page - 1, p.page].some((i) => b.pages[i]?.lines.some((l) => l.text === mapHeading(b))))
        .map((p) => `${name(b)} page ${p.page}: ${Math.round(p.full * 100)}%`),
    )
    expect(empty).toEqual([])
  })

  it('never ends a page on a heading, an argument label or a claim', () => {
    const stranded = built.flatMap((b) =>
      lastLines(b.pages)
        .filter(({ text }) => text.length > 3)
        .filter(({ text }) => b.headings.some((h) => h.replace(/ /g, '').endsWith(text.replace(/ /g, ''))))
        .map(({ page, text }) => `${name(b)} page ${page}: ${text}`),
    )
    expect(stranded).toEqual([])
  })

  it('keeps Chinese numbers with their units, and strands at most one character on a last line once per brief', () => {
    const zh = built.filter((b) => b.lang === 'zh')
    expect(zh.length).toBe(2)
    for (const b of zh) {
      expect(numbersCutFromUnits(b.pages), name(b)).toEqual([])
      expect(
        shortLastLines(b.pages, 1).length,
        `${name(b)}: ${shortLastLines(b.pages, 1).join(' ')}`,
      ).toBeLessThanOrEqual(1)
    }
  })

  it('prints a short brief without contents and a long one with them', () => {
    for (const b of built) {
      const contents = b.pages
        .slice(1, 3)
        .some((p) => p.lines.some((l) => l.text === (b.lang === 'zh' ? '目录' : 'Contents')))
      expect(contents, `${name(b)} has ${b.pages.length} pages`).toBe(b.pages.length >= 11)
    }
  })
})

describe('the cover and the last page', () => {
  const note = () => built.filter((b) => b.pdf.endsWith('heat-pumps.pdf'))
  const text = (page: PdfPage | undefined) => page?.lines.map((l) => l.text).join('\n') ?? ''

  it('puts the publisher, series and number, title, authors and dates on the cover, and no kind labels', () => {
    for (const b of note()) {
      const cover = text(b.pages[0])
      for (const item of [
        'Northern Heat Policy Notes',
        'NHP-2026-07',
        'Heat Pumps for',
        'Ingrid Example',
        'Tomas Sample',
      ])
        expect(cover, name(b)).toContain(item)
      // Note: the report theme letter-spaces the date, and pdftotext reads the spacing as spaces.
      expect(cover.toLowerCase().replace(/\s/g, ''), name(b)).toMatch(/september14,2026·updatedoctober20,2026/)
      for (const kind of ['Performance', 'Fairness']) expect(cover, name(b)).not.toContain(kind)
    }
  })

  it('ends with the suggested citation, the canonical URL, DOI, licence, version and errata', () => {
    for (const b of note()) {
      const last = text(b.pages.at(-1)).replace(/\s+/g, ' ')
      expect(last, name(b)).toMatch(
        /Suggested citation Example, Ingrid, and Tomas Sample\. 2026\. “Heat Pumps for Cold Winters/,
      )
      for (const item of [
        'https://notes.example.org/en/heat-pumps/',
        'https://doi.org/10.5281/zenodo.1234567',
        'CC-BY-4.0',
        'Version 1.1',
        'Corrected the growth of heat pump sales in 2022 from 13% to 11%.',
      ])
        expect(last, name(b)).toContain(item)
    }
  })
})
