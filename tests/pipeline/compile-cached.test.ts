import fs from 'node:fs'
import path from 'node:path'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { loadConfig } from '../../src/config/resolve.ts'
import { discoverBriefs } from '../../src/content/discover.ts'
import { loadBrief } from '../../src/content/load-brief.ts'
import { BuildCache } from '../../src/core/cache.ts'
import { briefKey, cachedCompiler } from '../../src/pipeline/compile-cached.ts'
import { collectDiagnostics } from '../../src/reporting/report.ts'
import { copySite, type Site } from '../helpers/sites.ts'

// Note: loadBrief counted, to tell a brief taken from the cache from one read and compiled.
vi.mock('../../src/content/load-brief.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/content/load-brief.ts')>()
  return { ...actual, loadBrief: vi.fn(actual.loadBrief) }
})
const loaded = () => vi.mocked(loadBrief).mock.calls.map(([location]) => path.basename(location.dir))
beforeEach(() => {
  vi.mocked(loadBrief).mockClear()
})

const options = { pdf: true }

/** The site's config, or a throw. */
function configOf(content: string) {
  const { file: siteFile, config } = loadConfig(content)
  if (!config) throw new Error('site.yaml did not load')
  return { siteFile, config }
}

const keys = (content: string) => {
  const { siteFile, config } = configOf(content)
  return Object.fromEntries(
    discoverBriefs(config).briefs.map((b) => [b.slug, briefKey(b, config, siteFile, options)] as const),
  )
}

/** Every brief of a site compiled through the cache in `cacheDir` (read nothing from it when `force`). */
function compileAll(site: Site, { cacheDir = path.join(site.root, 'cache'), force = false } = {}) {
  const { siteFile, config } = configOf(site.content)
  const warnings: string[] = []
  const cache = new BuildCache(cacheDir, (m) => warnings.push(m), force)
  const compile = cachedCompiler(config, siteFile, options, cache)
  const results = discoverBriefs(config).briefs.map((location) => ({ slug: location.slug, ...compile(location) }))
  return {
    cache,
    warnings,
    briefs: results.map((r) => r.brief),
    cached: Object.fromEntries(results.map((r) => [r.slug, r.cached])),
    diagnostics: collectDiagnostics(
      results.flatMap((r) => r.files),
      site.root,
    ),
  }
}

/** What a build that reads nothing from the cache gives for the same content. */
const forced = (site: Site) => compileAll(site, { cacheDir: path.join(site.root, 'forced'), force: true })

describe('the cache key of a compiled brief', () => {
  it("changes with the brief's own files and not with another brief's", () => {
    const site = copySite('citations')
    const before = keys(site.content)
    fs.appendFileSync(path.join(site.content, 'policy-en', 'arguments', '01.md'), "\n<!-- an editor's note -->\n")
    const after = keys(site.content)
    expect(after['policy-zh']).toBe(before['policy-zh'])
    expect(after['policy-en']).not.toBe(before['policy-en'])
  })

  it('changes with its bibliography and with site.yaml', () => {
    const site = copySite('citations')
    const before = keys(site.content)
    fs.appendFileSync(path.join(site.content, 'policy-zh', 'references.bib'), '\n% a comment\n')
    expect(keys(site.content)['policy-zh']).not.toBe(before['policy-zh'])
    expect(keys(site.content)['policy-en']).toBe(before['policy-en'])
    fs.appendFileSync(path.join(site.content, 'site.yaml'), 'paper: Letter\n')
    const afterSite = keys(site.content)
    expect(afterSite['policy-zh']).not.toBe(before['policy-zh'])
    expect(afterSite['policy-en']).not.toBe(before['policy-en'])
  })

  it('changes with an argument file added or removed, and with a conclusion.md', () => {
    const site = copySite('citations')
    const dir = path.join(site.content, 'policy-en')
    const before = keys(site.content)['policy-en']
    fs.copyFileSync(path.join(dir, 'arguments', '01.md'), path.join(dir, 'arguments', '02.md'))
    const added = keys(site.content)['policy-en']
    fs.rmSync(path.join(dir, 'arguments', '02.md'))
    expect(keys(site.content)['policy-en']).toBe(before)
    fs.writeFileSync(path.join(dir, 'conclusion.md'), '---\ntitle: So\n---\nSo it is.\n')
    const concluded = keys(site.content)['policy-en']
    expect(new Set([before, added, concluded]).size).toBe(3)
    // Note: a file the arguments folder holds that is not markdown is never read.
    fs.writeFileSync(path.join(dir, 'arguments', 'notes.txt'), 'to do')
    expect(keys(site.content)['policy-en']).toBe(concluded)
  })

  it('changes with the compile options', () => {
    const site = copySite('citations')
    const { siteFile, config } = configOf(site.content)
    const [location] = discoverBriefs(config).briefs
    if (!location) throw new Error('no brief')
    expect(briefKey(location, config, siteFile, { pdf: false })).not.toBe(
      briefKey(location, config, siteFile, { pdf: true }),
    )
  })
})

describe('cachedCompiler', () => {
  it('takes an unchanged brief from the cache without reading it, with every message it gave', () => {
    const site = copySite('citations')
    fs.appendFileSync(path.join(site.content, 'policy-zh', 'arguments', '01.md'), '\n中文,逗号。\n')
    // Note: a warning at brief.md's front matter: a figure in the summary without a source.
    const brief = path.join(site.content, 'policy-en', 'brief.md')
    fs.writeFileSync(
      brief,
      fs.readFileSync(brief, 'utf8').replace('summary: Mining emits carbon', 'summary: Mining emits 650 Mt of carbon'),
    )
    const first = compileAll(site)
    expect(loaded()).toEqual(['policy-en', 'policy-zh'])
    expect(first.cached).toEqual({ 'policy-en': false, 'policy-zh': false })
    vi.mocked(loadBrief).mockClear()
    const second = compileAll(site)
    expect(loaded()).toEqual([])
    expect(second.cached).toEqual({ 'policy-en': true, 'policy-zh': true })
    expect(second.briefs).toEqual(first.briefs)
    expect(second.diagnostics).toEqual(first.diagnostics)
    expect(second.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.ruleId}`)).toEqual([
      'content/policy-en/brief.md:7:10 warning summary-figure',
      'content/policy-zh/arguments/01.md:8:3 warning cjk-punctuation',
    ])
    expect(second.diagnostics.every((d) => d.hint)).toBe(true)
    expect(second.warnings).toEqual([])
  })

  it('keeps the parsed markdown of the briefs it takes from the cache', () => {
    const site = copySite('citations')
    const mdast = path.join(site.root, 'cache', 'mdast')
    compileAll(site)
    const trees = fs.readdirSync(mdast).sort()
    const { cache } = compileAll(site)
    cache.prune(['compile'])
    expect(trees.length).toBeGreaterThanOrEqual(4)
    expect(fs.readdirSync(mdast).sort()).toEqual(trees)
  })

  it('compiles a brief again after any edit to what it is read from, giving what a forced compile gives', () => {
    const site = copySite('citations')
    const dir = path.join(site.content, 'policy-en')
    const file = (...names: string[]) => path.join(dir, ...names)
    const edits: Array<[string, () => void]> = [
      ['brief.md', () => fs.appendFileSync(file('brief.md'), '\nMore text.\n')],
      ['an argument', () => fs.appendFileSync(file('arguments', '01.md'), '\nIt rises [@cbeci2024].\n')],
      [
        'an argument added',
        () =>
          fs.writeFileSync(
            file('arguments', '02.md'),
            '---\nkind: environment\ntitle: Water\nclaim: Cooling uses water [@cbeci2024].\n---\nMuch water.\n',
          ),
      ],
      ['conclusion.md added', () => fs.writeFileSync(file('conclusion.md'), '---\ntitle: So\n---\nSo it is.\n')],
      ['conclusion.md', () => fs.appendFileSync(file('conclusion.md'), '\nAnd so on.\n')],
      ['an argument removed', () => fs.rmSync(file('arguments', '01.md'))],
      ['conclusion.md removed', () => fs.rmSync(file('conclusion.md'))],
      [
        'the bibliography',
        () =>
          fs.writeFileSync(
            file('references.bib'),
            fs.readFileSync(file('references.bib'), 'utf8').replace(/title = \{[^}]*\}/, 'title = {Another title}'),
          ),
      ],
      [
        'a bibliography brief.md names',
        () => {
          fs.mkdirSync(file('works'))
          fs.copyFileSync(file('references.bib'), file('works', 'all.bib'))
          fs.writeFileSync(
            file('brief.md'),
            fs.readFileSync(file('brief.md'), 'utf8').replace('csl: apa', 'csl: apa\nbibliography: works/all.bib'),
          )
        },
      ],
      ['the bibliography it names, edited', () => fs.appendFileSync(file('works', 'all.bib'), '\n% a comment\n')],
      [
        'a style file brief.md names',
        () => {
          fs.copyFileSync('/usr/share/citation-style-language/styles/apa.csl', file('mine.csl'))
          fs.writeFileSync(
            file('brief.md'),
            fs.readFileSync(file('brief.md'), 'utf8').replace('csl: apa', 'csl: mine.csl'),
          )
        },
      ],
      [
        'the style file it names, edited',
        // Note: a numeric style now: the citations and the reference list change.
        () => fs.copyFileSync('/usr/share/citation-style-language/styles/ieee.csl', file('mine.csl')),
      ],
    ]
    const first = compileAll(site)
    expect(first.cached).toEqual({ 'policy-en': false, 'policy-zh': false })
    for (const [edit, apply] of edits) {
      apply()
      vi.mocked(loadBrief).mockClear()
      const after = compileAll(site)
      expect({ edit, loaded: loaded(), cached: after.cached }).toEqual({
        edit,
        loaded: ['policy-en'],
        cached: { 'policy-en': false, 'policy-zh': true },
      })
      const expected = forced(site)
      expect({ edit, briefs: after.briefs }).toEqual({ edit, briefs: expected.briefs })
      expect({ edit, diagnostics: after.diagnostics }).toEqual({ edit, diagnostics: expected.diagnostics })
      expect(after.briefs.every((b) => b !== undefined)).toBe(true)
      // Note: and from the cache the next time, as it is now.
      vi.mocked(loadBrief).mockClear()
      expect({ edit, briefs: compileAll(site).briefs, loaded: loaded() }).toEqual({
        edit,
        briefs: expected.briefs,
        loaded: [],
      })
    }
  })

  it('compiles every brief again after an edit to site.yaml', () => {
    const site = copySite('citations')
    compileAll(site)
    fs.appendFileSync(path.join(site.content, 'site.yaml'), 'paper: Letter\n')
    const after = compileAll(site)
    expect(after.cached).toEqual({ 'policy-en': false, 'policy-zh': false })
    expect(after.briefs).toEqual(forced(site).briefs)
  })

  it('checks the images of a cached brief: one removed is an error, as in a forced compile', () => {
    const site = copySite('unseen')
    expect(compileAll(site).briefs[0]).toBeDefined()
    fs.rmSync(path.join(site.content, 'urban-trees', 'figures', 'heat.svg'))
    const after = compileAll(site)
    expect(after.cached).toEqual({ 'urban-trees': false })
    expect(after.briefs).toEqual([undefined])
    expect(after.diagnostics).toEqual(forced(site).diagnostics)
    expect(after.diagnostics.map((d) => d.ruleId)).toContain('missing-image')
  })

  it('never caches a brief with errors, even one from a file loading left out', () => {
    const site = copySite('citations')
    const extra = path.join(site.content, 'policy-en', 'arguments', '02.md')
    fs.writeFileSync(extra, '---\nkind: environment\ntitle: Water\nclaim: Much.\nmood: grim\n---\nWater.\n')
    const first = compileAll(site)
    vi.mocked(loadBrief).mockClear()
    const second = compileAll(site)
    expect(loaded()).toEqual(['policy-en'])
    expect(second.cached).toEqual({ 'policy-en': false, 'policy-zh': true })
    expect(second.diagnostics).toEqual(first.diagnostics)
    expect(second.diagnostics.map((d) => `${path.basename(d.file)} ${d.severity} ${d.ruleId}`)).toContain(
      '02.md error unknown-field',
    )
  })

  it('compiles anew when a cached entry is damaged, and says so', () => {
    const site = copySite('citations')
    const { siteFile, config } = configOf(site.content)
    const [location] = discoverBriefs(config).briefs
    if (!location) throw new Error('no brief')
    compileAll(site)
    const key = briefKey(location, config, siteFile, options)
    fs.writeFileSync(path.join(site.root, 'cache', 'briefs', `${key}.json`), '{"brief": {"slug": 1}, "files": []}')
    const again = compileAll(site)
    expect(again.cached[location.slug]).toBe(false)
    expect(again.briefs).toEqual(forced(site).briefs)
    expect(again.warnings).toEqual([expect.stringMatching(/cache entry .*\.json is damaged; it was removed/)])
  })
})
