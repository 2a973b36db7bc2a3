import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { loadBrief } from '../../src/content/load-brief.ts'
import { compileSiteSync } from '../../src/orchestrate/compile-site.ts'
import { resolveRunOptions } from '../../src/orchestrate/options.ts'
import { collectDiagnostics } from '../../src/reporting/report.ts'
import { copySite } from '../helpers/sites.ts'

// Note: loadBrief counted, to tell a brief taken from the cache from one read again.
vi.mock('../../src/content/load-brief.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/content/load-brief.ts')>()
  return { ...actual, loadBrief: vi.fn(actual.loadBrief) }
})

const compile = (contentDir: string) => compileSiteSync(resolveRunOptions({ contentDir, pdf: false }))

describe('compileSite', () => {
  it('compiles every brief, with the text of its sources, and takes them from the cache the second time', () => {
    const site = copySite('unseen')
    const first = compile(site.content)
    expect(first.config?.contentDir).toBe(site.content)
    expect(first.briefs.map((b) => `${b.lang}/${b.slug}`)).toEqual(['en/urban-trees'])
    expect(first.briefs[0]?.sources[0]).toEqual({
      path: path.join(site.content, 'urban-trees', 'brief.md'),
      text: fs.readFileSync(path.join(site.content, 'urban-trees', 'brief.md'), 'utf8'),
    })
    expect(first.cachedBriefs).toBe(0)
    const second = compile(site.content)
    expect(second.cachedBriefs).toBe(1)
    expect(second.briefs).toEqual(first.briefs)
  })

  it('reads no brief again when nothing changed, and reports the same problems', () => {
    const site = copySite('citations')
    fs.appendFileSync(path.join(site.content, 'policy-zh', 'arguments', '01.md'), '\n中文,逗号。\n')
    fs.appendFileSync(path.join(site.content, 'policy-en', 'arguments', '01.md'), '\n![](https://example.org/a.png)\n')
    const first = compile(site.content)
    vi.mocked(loadBrief).mockClear()
    const second = compile(site.content)
    expect(vi.mocked(loadBrief).mock.calls).toEqual([])
    expect(second.cachedBriefs).toBe(2)
    expect(second.briefs).toEqual(first.briefs)
    const problems = collectDiagnostics(second.problems, site.root)
    expect(problems).toEqual(collectDiagnostics(first.problems, site.root))
    expect(problems.map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId}`)).toEqual([
      'content/policy-en/arguments/01.md:8:1 image-alt',
      'content/policy-zh/arguments/01.md:8:3 cjk-punctuation',
    ])
  })

  it('returns its problems, and no cache, when site.yaml has errors', () => {
    const site = copySite('unseen')
    fs.writeFileSync(path.join(site.content, 'site.yaml'), 'title: x\nbaseUrl: ftp://example.org\n')
    const compiled = compile(site.content)
    expect(compiled.config).toBeUndefined()
    expect(compiled.cache).toBeUndefined()
    expect(collectDiagnostics(compiled.problems).map((d) => `${path.basename(d.file)}:${d.line}`)).toEqual([
      'site.yaml:2',
    ])
  })

  it("compiles without the theme: the compiled HTML holds label slots, not the theme's words", () => {
    const site = copySite('unseen')
    const [brief] = compile(site.content).briefs
    const html = brief?.introHtml ?? ''
    expect(html).toContain('\uE000footnotes\uE000')
    expect(html).not.toMatch(/>Notes</)
  })
})

describe('compileSite with a shard', () => {
  /** The `unseen` site with its brief copied under `slugs`. */
  const siteOf = (slugs: readonly string[]) => {
    const site = copySite('unseen')
    for (const slug of slugs)
      fs.cpSync(path.join(site.content, 'urban-trees'), path.join(site.content, slug), { recursive: true })
    return site
  }
  const shardOf = (content: string, index: number) =>
    compileSiteSync(resolveRunOptions({ contentDir: content, pdf: false, shard: { index, count: 3 } }))

  it('compiles each brief in exactly one shard, with its place among all of them', () => {
    const site = siteOf(['a', 'b', 'c', 'd', 'e', 'f', 'g'])
    const all = compile(site.content)
    const shards = [1, 2, 3].map((index) => shardOf(site.content, index))
    const held = shards.flatMap((s) => s.briefs.map((b, i) => ({ slug: b.slug, order: s.order[i] })))
    expect(held.map((h) => h.slug).sort()).toEqual(all.briefs.map((b) => b.slug).sort())
    expect(held.sort((x, y) => (x.order ?? 0) - (y.order ?? 0)).map((h) => h.slug)).toEqual(
      all.briefs.map((b) => b.slug),
    )
    for (const shard of shards) expect(shard.briefs.length).toBeGreaterThan(0)
  })

  it('moves no brief to another shard when briefs are added', () => {
    const site = siteOf(['a', 'b', 'c', 'd', 'e', 'f'])
    const before = [1, 2, 3].map((index) => shardOf(site.content, index).briefs.map((b) => b.slug))
    for (const slug of ['aa', 'zz', 'm', 'n'])
      fs.cpSync(path.join(site.content, 'a'), path.join(site.content, slug), { recursive: true })
    const after = [1, 2, 3].map((index) => shardOf(site.content, index).briefs.map((b) => b.slug))
    for (const [i, slugs] of before.entries()) expect(after[i]).toEqual(expect.arrayContaining(slugs))
  })
})
