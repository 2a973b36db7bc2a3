import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { load } from 'cheerio'
import type { Browser } from 'puppeteer'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parsed } from '../helpers/argdown.ts'
import { launchBrowser } from '../helpers/browser.ts'
import { axeSerious, problems } from '../helpers/map-page.ts'
import { pdfText } from '../helpers/pdf.ts'
import { copySite, runCli } from '../helpers/sites.ts'

// The argument map of real content, built by the real command line with its PDFs: the sample in
// both languages and an unseen brief in each (a `stance: con` argument, `supports:`/`attacks:`,
// objections with and without responses). What a reader and another tool get from it.

interface Built {
  name: string
  lang: string
  dir: string
  slug: string
}

const repoRoot = path.resolve(import.meta.dirname, '..', '..')
const built: Built[] = []

async function build(content: string, briefs: Array<{ lang: string; slug: string }>, name: string) {
  const out = path.join(path.dirname(content), 'dist')
  const result = await runCli(['build', '--content', content, '--out', out])
  expect(result.code, result.stderr).toBe(0)
  for (const brief of briefs)
    built.push({ name: `${name} ${brief.lang}`, ...brief, dir: path.join(out, brief.lang, brief.slug) })
}

beforeAll(async () => {
  const sample = fs.mkdtempSync(path.join(os.tmpdir(), 'briefkit-map-sample-'))
  fs.cpSync(path.join(repoRoot, 'content'), path.join(sample, 'content'), { recursive: true })
  await build(
    path.join(sample, 'content'),
    [
      { lang: 'zh', slug: 'mining-not-viable' },
      { lang: 'en', slug: 'mining-not-viable' },
    ],
    'sample',
  )
  await build(copySite('map-en').content, [{ lang: 'en', slug: 'congestion-charge' }], 'map-en')
  await build(copySite('map-zh').content, [{ lang: 'zh', slug: 'community-care' }], 'map-zh')
}, 240_000)

const squeeze = (text: string) => text.replace(/\s+/g, '')
/** The first words of a text, as far as a map's node surely shows them (a long label ends in `…`). */
const opening = (text: string, lang: string) =>
  squeeze(lang === 'zh' ? text.slice(0, 8) : text.split(/\s+/).slice(0, 3).join(' '))

/** The brief's claims and objections' titles as its page shows them, without their labels. */
function claimsAndObjections(b: Built): string[] {
  const $ = load(fs.readFileSync(path.join(b.dir, 'index.html'), 'utf8'))
  const claims = $('.argument > .claim')
    .map((_, el) => {
      $(el).find('.claim-label, sup, .citation').remove()
      return $(el).text().trim()
    })
    .get()
  const objections = $('.objection > .objection-title')
    .map((_, el) => {
      $(el).find('.objection-label').remove()
      return $(el).text().trim()
    })
    .get()
  return [...claims, ...objections]
}

describe('the argument map of real briefs', () => {
  it('shows every claim and objection in the page as inline SVG, without script', () => {
    for (const b of built) {
      const html = fs.readFileSync(path.join(b.dir, 'index.html'), 'utf8')
      const $ = load(html)
      const section = $('#argument-map')
      expect(section.find('svg.argument-map-svg'), b.name).toHaveLength(1)
      expect(section.find('script'), b.name).toHaveLength(0)
      // The thesis stands above the drawing in words, its citations linked (the unseen briefs' cite).
      const thesis = section.find('.argument-map-thesis')
      expect(thesis.text().length, b.name).toBeGreaterThan(20)
      if (!b.name.startsWith('sample')) expect(thesis.find('a[href^="#ref-"]').length, b.name).toBeGreaterThan(0)
      const drawn = squeeze(section.find('svg.argument-map-svg').text())
      const items = claimsAndObjections(b)
      expect(items.length, b.name).toBeGreaterThanOrEqual(b.name.startsWith('sample') ? 8 : 6)
      expect(
        items.filter((item) => !drawn.includes(opening(item, b.lang))),
        b.name,
      ).toEqual([])
    }
  })

  it('prints the map on a page of the PDF with the same text, as vectors', () => {
    for (const b of built) {
      const pdf = path.join(b.dir, `${b.slug}.pdf`)
      const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1])
      const heading = b.lang === 'zh' ? '论证结构' : 'Argument map'
      // Note: the contents list the map's heading too; the map's page is the last that has it.
      const page = Array.from({ length: pages }, (_, i) => i + 1)
        .reverse()
        .find((n) =>
          pdfText(pdf, n)
            .split('\n')
            .some((line) => line.trim() === heading),
        )
      expect(page, b.name).toBeDefined()
      const text = squeeze(pdfText(pdf, page))
      expect(
        claimsAndObjections(b).filter((item) => !text.includes(opening(item, b.lang))),
        b.name,
      ).toEqual([])
      const images = execFileSync('pdfimages', ['-list', '-f', String(page), '-l', String(page), pdf], {
        encoding: 'utf8',
      })
      expect(images.trim().split('\n').length, `${b.name}: images on the map's page`).toBe(2)
    }
  })

  it('exports Argdown that @argdown/cli reads without errors, and AIF with an I-node per claim, objection and response', async () => {
    for (const b of built) {
      const argdown = await parsed(fs.readFileSync(path.join(b.dir, `${b.slug}.argdown`), 'utf8'))
      const $ = load(fs.readFileSync(path.join(b.dir, 'index.html'), 'utf8'))
      const claims = $('.argument > .claim').length
      const objections = $('.objection').length
      const responses = $('.response').length
      expect(Object.keys(argdown.statements).length, b.name).toBeGreaterThanOrEqual(claims + 1)
      expect(Object.keys(argdown.arguments).length, b.name).toBe(objections + responses)
      const aif = JSON.parse(fs.readFileSync(path.join(b.dir, `${b.slug}.aif.json`), 'utf8')) as {
        nodes: Array<{ nodeID: string; type: string; text: string }>
        edges: Array<{ fromID: string; toID: string }>
      }
      const count = (type: string) => aif.nodes.filter((n) => n.type === type).length
      const works = $('.reference-list > li').length
      expect(count('I'), b.name).toBeGreaterThanOrEqual(1 + claims + objections + responses)
      expect(count('I'), b.name).toBeLessThanOrEqual(1 + claims + objections + responses + works)
      // Every objection attacks a claim and every response an objection: at least that many CA nodes.
      expect(count('CA'), b.name).toBeGreaterThanOrEqual(objections + responses)
      expect(count('RA'), b.name).toBeGreaterThanOrEqual(claims)
      const ids = new Set(aif.nodes.map((n) => n.nodeID))
      expect(
        aif.edges.every((e) => ids.has(e.fromID) && ids.has(e.toID)),
        b.name,
      ).toBe(true)
    }
  }, 60_000)
})

describe('the argument map of real briefs in Chromium', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(() => browser?.close())

  it('keeps every label inside its node and no node on another, at 390 and 1280 px; axe finds nothing serious', async () => {
    const found: string[] = []
    const page = await browser.newPage()
    for (const b of built) {
      for (const width of [390, 1280]) {
        await page.setViewport({ width, height: 900 })
        await page.goto(pathToFileURL(path.join(b.dir, 'index.html')).href, { waitUntil: 'load' })
        await page.evaluate(() => document.fonts.ready)
        found.push(...(await page.evaluate(problems)).map((p) => `${b.name} ${width}px: ${p}`))
        if (width === 390) found.push(...(await axeSerious(page)).map((v) => `${b.name} ${width}px: ${v}`))
      }
    }
    await page.close()
    expect(found).toEqual([])
  }, 120_000)
})
