import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import * as cheerio from 'cheerio'
import type { VFile } from 'vfile'
import { loadConfig } from '../../src/config/resolve.ts'
import { discoverBriefs } from '../../src/content/discover.ts'
import { loadBrief } from '../../src/content/load-brief.ts'
import type { CompiledBrief } from '../../src/core/compiled.ts'
import { compileBrief } from '../../src/pipeline/compile-brief.ts'
import { renderBriefPage, renderPrintPage } from '../../src/render/html/pages.ts'
import { BriefkitError } from '../../src/reporting/errors.ts'
import { collectDiagnostics, countDiagnostics } from '../../src/reporting/report.ts'
import { loadTheme } from '../../src/theme/theme.ts'
import type { SiteCase } from './arbitraries.ts'
import { baselineOf, liveScript, type PageBaseline, rawCitations } from './page-checks.ts'

/** What compiling and rendering one generated site did. */
export interface CaseResult {
  /** Content errors reported (exit 1 in a build). */
  contentErrors: number
  /** A BriefkitError's message (exit 2): an allowed outcome. */
  briefkitError: string | undefined
  /** Anything else thrown (exit 3): always a bug. */
  internalError: string | undefined
  /** Live script found in a rendered page, not the theme's own. */
  leaks: string[]
  /** `[@` left in a page's text of a build without errors. */
  rawCitations: string[]
  /** Compile and render, in ms. */
  ms: number
}

const siteYaml = `title: Fuzz Institute
baseUrl: https://fuzz.example.org/
languages: [en, zh]
argumentKinds:
  - id: evidence
    label: Evidence
`
const figure = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>\n'

/** Write a generated case as a content folder in a fresh temp folder; returns the content folder. */
export function writeCase(site: SiteCase, root: string): string {
  const content = path.join(root, 'content')
  const dir = path.join(content, 'fuzz-brief')
  // Note: image paths are relative to the markdown file, so each folder of markdown gets the figure.
  for (const folder of ['.', 'arguments', ...(site.translation === undefined ? [] : ['zh'])]) {
    fs.mkdirSync(path.join(dir, folder, 'figures'), { recursive: true })
    fs.writeFileSync(path.join(dir, folder, 'figures', 'fig.svg'), figure)
  }
  fs.writeFileSync(path.join(content, 'site.yaml'), siteYaml)
  fs.writeFileSync(path.join(dir, 'brief.md'), site.brief)
  for (const [i, text] of site.arguments.entries()) {
    // Note: an argument's id is its file name without the number; two arguments may not share one.
    fs.writeFileSync(path.join(dir, 'arguments', `${String(i + 1).padStart(2, '0')}-arg-${i + 1}.md`), text)
  }
  if (site.conclusion !== undefined) fs.writeFileSync(path.join(dir, 'conclusion.md'), site.conclusion)
  if (site.bibliography) fs.writeFileSync(path.join(dir, site.bibliography.name), site.bibliography.text)
  if (site.translation !== undefined) fs.writeFileSync(path.join(dir, 'zh', 'brief.md'), site.translation)
  return content
}

/** Compile and render every page of a content folder, in process, without a cache or a browser. */
async function compileAndRender(
  content: string,
): Promise<{ contentErrors: number; pages: Array<{ layout: 'brief' | 'print'; html: string }> }> {
  const { file, config } = loadConfig(content)
  const files: VFile[] = [file]
  const briefs: CompiledBrief[] = []
  const pages: Array<{ layout: 'brief' | 'print'; html: string }> = []
  if (!config) return { contentErrors: countDiagnostics(collectDiagnostics(files)).errors, pages }
  const found = discoverBriefs(config)
  files.push(...found.problems)
  for (const location of found.briefs) {
    const { source, files: read } = loadBrief(location, config)
    files.push(...read)
    const brief = source && compileBrief(source, config, { pdf: false })
    if (brief) briefs.push(brief)
  }
  const { errors } = countDiagnostics(collectDiagnostics(files))
  const theme = loadTheme(config.themeDir)
  for (const brief of briefs) {
    pages.push({ layout: 'brief', html: (await renderBriefPage(brief, briefs, config, theme, { hasPdf: false })).html })
    pages.push({ layout: 'print', html: (await renderPrintPage(brief, config, theme)).html })
  }
  return { contentErrors: errors, pages }
}

const cleanCase: SiteCase = {
  brief:
    '---\ntitle: Clean\nauthors: [{name: A}]\ndate: 2025-06-01\nlang: en\nsummary: S [@smith2020heat].\n---\nText [@lee2019canopy].\n',
  arguments: ['---\nkind: evidence\ntitle: T\nclaim: C.\n---\nBody [@khan2021shade].\n'],
  conclusion: undefined,
  bibliography: {
    name: 'references.bib',
    text: '@book{smith2020heat, title = {A}, author = {B, C}, date = {2020}}\n@book{lee2019canopy, title = {A}, author = {B, C}, date = {2020}}\n@book{khan2021shade, title = {A}, author = {B, C}, date = {2020}}\n',
  },
  translation: undefined,
}

let baselines: Promise<Record<'brief' | 'print', PageBaseline>> | undefined

/** The scripts and handlers the theme itself puts on a brief page and a print page. */
function themeBaselines(): Promise<Record<'brief' | 'print', PageBaseline>> {
  baselines ??= (async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'briefkit-fuzz-clean-'))
    try {
      const { contentErrors, pages } = await compileAndRender(writeCase(cleanCase, root))
      const brief = pages.find((p) => p.layout === 'brief')
      const print = pages.find((p) => p.layout === 'print')
      if (contentErrors > 0 || !brief || !print) throw new Error('The clean fuzz case does not build')
      return { brief: baselineOf(brief.html), print: baselineOf(print.html) }
    } finally {
      fs.rmSync(root, { recursive: true, force: true })
    }
  })()
  return baselines
}

/** Describe a thrown value by its name, message and first stack frames. */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return `non-Error thrown: ${String(error)}`
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((l) => l.trim().startsWith('at '))
    .map((l) => l.trim())
  // Note: the first frames are often in a dependency; the first of briefkit's own says where to fix it.
  const own = frames.find((l) => /\/src\//.test(l) && !l.includes('node_modules'))
  const shown = [...frames.slice(0, 3), ...(own && !frames.slice(0, 3).includes(own) ? ['...', own] : [])]
  return [`${error.name}: ${error.message.split('\n')[0]?.slice(0, 200)}`, ...shown].join('\n  ')
}

/**
 * Compile and render one generated site in a fresh temp folder (under `parent`), removed afterwards, and
 * check its pages.
 */
export async function runCase(site: SiteCase, parent = os.tmpdir()): Promise<CaseResult> {
  const baseline = await themeBaselines()
  const root = fs.mkdtempSync(path.join(parent, 'briefkit-fuzz-'))
  const result: CaseResult = {
    contentErrors: 0,
    briefkitError: undefined,
    internalError: undefined,
    leaks: [],
    rawCitations: [],
    ms: 0,
  }
  const start = performance.now()
  try {
    const { contentErrors, pages } = await compileAndRender(writeCase(site, root))
    result.ms = performance.now() - start
    result.contentErrors = contentErrors
    for (const page of pages) {
      const $ = cheerio.load(page.html)
      result.leaks.push(...liveScript($, baseline[page.layout]).map((l) => `${page.layout}: ${l}`))
      if (contentErrors === 0) result.rawCitations.push(...rawCitations($).map((c) => `${page.layout}: ${c}`))
    }
  } catch (error) {
    result.ms = performance.now() - start
    if (error instanceof BriefkitError) result.briefkitError = error.message
    else result.internalError = describeError(error)
  } finally {
    fs.rmSync(root, { recursive: true, force: true })
  }
  return result
}
