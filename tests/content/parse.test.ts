import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadConfig } from '../../src/config/resolve.ts'
import { discoverBriefs } from '../../src/content/discover.ts'
import { loadBrief } from '../../src/content/load-brief.ts'
import type { Parse } from '../../src/content/parse.ts'
import { cachedParser } from '../../src/content/parse.ts'
import { BuildCache } from '../../src/core/cache.ts'
import { compileBrief } from '../../src/pipeline/compile-brief.ts'
import { copySite } from '../helpers/sites.ts'

const options = { labels: { footnotes: 'Notes', backToContent: 'Back', citedAt: 'Cited at' }, pdf: true }

/** Every brief of a content folder compiled, with the messages its files got, read with `parse`. */
function compileAll(content: string, parse?: Parse) {
  const { config } = loadConfig(content)
  if (!config) throw new Error('site.yaml did not load')
  return discoverBriefs(config).briefs.map((location) => {
    const { source, files } = loadBrief(location, config, parse)
    if (!source) throw new Error(`${location.dir} did not load`)
    const brief = compileBrief(source, config, options)
    return {
      brief,
      messages: files.flatMap((f) =>
        f.messages.map((m) => `${path.basename(f.path)}:${m.line}:${m.column} ${m.ruleId}`),
      ),
    }
  })
}

const entries = (cacheDir: string) => fs.readdirSync(path.join(cacheDir, 'mdast')).length

describe('cachedParser', () => {
  it('compiles the sample brief from cached trees exactly as from freshly parsed ones', () => {
    const site = copySite('citations')
    const cache = path.join(site.root, 'cache')
    const content = path.resolve('content')
    const fresh = compileAll(content)
    const filling = compileAll(content, cachedParser(new BuildCache(cache, () => undefined)))
    const filled = entries(cache)
    const fromCache = compileAll(content, cachedParser(new BuildCache(cache, () => undefined)))
    expect(filled).toBeGreaterThanOrEqual(14)
    expect(entries(cache)).toBe(filled)
    expect(filling).toEqual(fresh)
    expect(fromCache).toEqual(fresh)
  })

  it('reads the trees from the cache: doctored entries are used as they are', () => {
    const site = copySite('citations')
    const cache = path.join(site.root, 'cache')
    compileAll(site.content, cachedParser(new BuildCache(cache, () => undefined)))
    for (const name of fs.readdirSync(path.join(cache, 'mdast')))
      fs.writeFileSync(path.join(cache, 'mdast', name), '{"type":"root","children":[]}')
    const { config } = loadConfig(site.content)
    if (!config) throw new Error('site.yaml did not load')
    const [location] = discoverBriefs(config).briefs
    if (!location) throw new Error('no brief')
    const { source, files } = loadBrief(location, config, cachedParser(new BuildCache(cache, () => undefined)))
    expect(source).toBeUndefined()
    expect(files[0]?.messages.map((m) => m.ruleId)).toEqual(['missing-front-matter'])
  })

  it('keeps the places of warnings, and parses a changed file anew', () => {
    const site = copySite('citations')
    const cache = path.join(site.root, 'cache')
    const parse = () => cachedParser(new BuildCache(cache, () => undefined))
    const argument = path.join(site.content, 'policy-zh', 'arguments', '01.md')
    fs.appendFileSync(argument, '\n中文,逗号。\n')
    compileAll(site.content, parse())
    const before = entries(cache)
    const again = compileAll(site.content, parse())
    expect(again.flatMap((b) => b.messages)).toContain('01.md:8:3 cjk-punctuation')
    expect(again).toEqual(compileAll(site.content))
    fs.appendFileSync(argument, '\n再加一句,逗号。\n')
    const changed = compileAll(site.content, parse())
    expect(entries(cache)).toBe(before + 1)
    expect(changed.flatMap((b) => b.messages)).toContain('01.md:10:5 cjk-punctuation')
  })
})
