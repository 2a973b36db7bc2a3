import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadConfig } from '../../src/config/resolve.ts'
import { discoverBriefs } from '../../src/content/discover.ts'
import { loadBrief } from '../../src/content/load-brief.ts'
import { BuildCache } from '../../src/core/cache.ts'
import { compileBrief } from '../../src/pipeline/compile-brief.ts'
import { briefKey, compileCached } from '../../src/pipeline/compile-cached.ts'
import { copySite } from '../helpers/sites.ts'

const options = { labels: { footnotes: 'Notes', backToContent: 'Back', citedAt: 'Cited at' }, pdf: true }

/** Each brief of a content folder as it is on disk now, with its cache key. */
function read(content: string) {
  const { file: siteFile, config } = loadConfig(content)
  if (!config) throw new Error('site.yaml did not load')
  return discoverBriefs(config).briefs.map((location) => {
    const { source, files } = loadBrief(location, config)
    if (!source) throw new Error(`${location.dir} did not load`)
    return {
      slug: location.slug,
      source,
      files,
      config,
      siteFile,
      key: briefKey(source, files, config, siteFile, options),
    }
  })
}

const keys = (content: string) => Object.fromEntries(read(content).map((b) => [b.slug, b.key]))

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

  it("changes with the theme's words for the brief's language", () => {
    const [brief] = read(copySite('citations').content)
    if (!brief) throw new Error('no brief')
    const other = { ...options, labels: { ...options.labels, footnotes: 'Endnotes' } }
    expect(briefKey(brief.source, brief.files, brief.config, brief.siteFile, other)).not.toBe(brief.key)
  })
})

describe('compileCached', () => {
  it('gives back what compiling gave, and its warnings, from the cache', () => {
    const site = copySite('citations')
    fs.appendFileSync(path.join(site.content, 'policy-zh', 'arguments', '01.md'), '\n中文,逗号。\n')
    const cache = new BuildCache(path.join(site.root, 'cache'), () => undefined)
    const compile = () =>
      read(site.content).map((b) => ({ b, ...compileCached(b.source, b.files, b.config, b.siteFile, options, cache) }))
    const first = compile()
    const second = compile()
    expect(first.map((r) => r.cached)).toEqual([false, false])
    expect(second.map((r) => r.cached)).toEqual([true, true])
    const [zh] = read(site.content).filter((b) => b.slug === 'policy-zh')
    if (!zh) throw new Error('no zh brief')
    expect(second.find((r) => r.b.slug === 'policy-zh')?.brief).toEqual(compileBrief(zh.source, zh.config, options))
    const warnings = (r: (typeof first)[number]) =>
      r.b.files.flatMap((f) => f.messages.map((m) => `${path.basename(f.path)}:${m.line}:${m.column} ${m.ruleId}`))
    expect(second.flatMap(warnings)).toEqual(first.flatMap(warnings))
    expect(second.flatMap(warnings)).toContain('01.md:8:3 cjk-punctuation')
  })

  it('compiles anew when a cached entry is damaged, and says so', () => {
    const site = copySite('citations')
    const warnings: string[] = []
    const cache = new BuildCache(path.join(site.root, 'cache'), (m) => warnings.push(m))
    const [brief] = read(site.content)
    if (!brief) throw new Error('no brief')
    compileCached(brief.source, brief.files, brief.config, brief.siteFile, options, cache)
    fs.writeFileSync(
      path.join(site.root, 'cache', 'briefs', `${brief.key}.json`),
      '{"brief": {"slug": 1}, "messages": []}',
    )
    const again = compileCached(brief.source, brief.files, brief.config, brief.siteFile, options, cache)
    expect(again.cached).toBe(false)
    expect(again.brief?.slug).toBe(brief.slug)
    expect(warnings).toEqual([expect.stringMatching(/cache entry .*\.json is damaged; it was removed/)])
  })
})
