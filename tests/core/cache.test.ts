import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { BuildCache, cacheDirFor, cacheKey } from '../../src/core/cache.ts'

const scratch = () => fs.mkdtempSync(path.join(os.tmpdir(), 'briefkit-cache-test-'))
const isNumbers = (v: unknown): v is number[] => Array.isArray(v) && v.every((n) => typeof n === 'number')

describe('cacheKey', () => {
  it('tells parts apart by their lengths, not only their text', () => {
    expect(cacheKey(['ab', 'c'])).not.toBe(cacheKey(['a', 'bc']))
    expect(cacheKey(['ab', 'c'])).toBe(cacheKey(['ab', 'c']))
  })
})

describe('cacheDirFor', () => {
  it('gives each content folder its own folder, under `cache:` when site.yaml names one', () => {
    const root = scratch()
    const a = cacheDirFor(path.join(root, 'a'), path.join(root, 'cache'))
    const b = cacheDirFor(path.join(root, 'b'), path.join(root, 'cache'))
    expect(path.dirname(a)).toBe(path.join(root, 'cache'))
    expect(a).not.toBe(b)
  })
})

describe('BuildCache', () => {
  it('gives back what was stored, and nothing when told to read nothing (--force)', () => {
    const dir = scratch()
    new BuildCache(dir, () => undefined).writeJson('briefs', 'k', [1, 2])
    expect(new BuildCache(dir, () => undefined).readJson('briefs', 'k', isNumbers)).toEqual([1, 2])
    expect(new BuildCache(dir, () => undefined, true).readJson('briefs', 'k', isNumbers)).toBeUndefined()
  })

  it('removes a damaged entry with a warning', () => {
    const dir = scratch()
    const warnings: string[] = []
    fs.mkdirSync(path.join(dir, 'briefs'))
    fs.writeFileSync(path.join(dir, 'briefs', 'k.json'), '["cut sh')
    expect(new BuildCache(dir, (m) => warnings.push(m)).readJson('briefs', 'k', isNumbers)).toBeUndefined()
    expect(warnings).toEqual([expect.stringMatching(/k\.json is damaged; it was removed/)])
    expect(fs.existsSync(path.join(dir, 'briefs', 'k.json'))).toBe(false)
  })

  it('gives back a file entry only while its bytes match the checksum stored with it, and drops it with a warning when they do not', () => {
    const dir = scratch()
    const warnings: string[] = []
    const cache = new BuildCache(dir, (m) => warnings.push(m))
    const file = cache.writeFile('pdfs', 'k.pdf', '%PDF-1.7 true %%EOF')
    expect(cache.readFile('pdfs', 'k.pdf', () => true)).toBe(file)
    fs.writeFileSync(file, '%PDF-1.7 fake %%EOF')
    expect(new BuildCache(dir, (m) => warnings.push(m)).readFile('pdfs', 'k.pdf', () => true)).toBeUndefined()
    expect(warnings).toEqual([
      expect.stringMatching(/k\.pdf is damaged \(its bytes are not those it was stored with\); it was removed/),
    ])
    expect(fs.readdirSync(path.join(dir, 'pdfs'))).toEqual([])
  })

  it('does not trust a file entry without its checksum (a build stopped between the two)', () => {
    const dir = scratch()
    const cache = new BuildCache(dir, () => undefined)
    cache.writeFile('pdfs', 'k.pdf', '%PDF-1.7 %%EOF')
    fs.rmSync(path.join(dir, 'pdfs', 'k.pdf.sha256'))
    expect(cache.readFile('pdfs', 'k.pdf', () => true)).toBeUndefined()
  })

  it("keeps a file entry's checksum with it when pruning", () => {
    const dir = scratch()
    new BuildCache(dir, () => undefined).writeFile('pdfs', 'gone.pdf', 'x')
    const cache = new BuildCache(dir, () => undefined)
    cache.writeFile('pdfs', 'kept.pdf', 'y')
    cache.prune(['print'])
    expect(fs.readdirSync(path.join(dir, 'pdfs')).sort()).toEqual(['kept.pdf', 'kept.pdf.sha256'])
  })

  it("keeps what a build used, and drops other content folders' caches after a month unused", () => {
    const root = scratch()
    const dir = path.join(root, '0123456789abcdef')
    const stale = path.join(root, 'fedcba9876543210')
    const recent = path.join(root, '00000000000000aa')
    const other = path.join(root, 'not-a-cache')
    for (const d of [stale, recent, other]) fs.mkdirSync(d)
    const old = new Date(Date.now() - 40 * 24 * 60 * 60 * 1000)
    for (const d of [stale, other]) fs.utimesSync(d, old, old)
    new BuildCache(dir, () => undefined).writeJson('briefs', 'gone', 1)
    const cache = new BuildCache(dir, () => undefined)
    cache.writeJson('briefs', 'kept', 2)
    cache.prune(['compile'])
    expect(fs.readdirSync(path.join(dir, 'briefs'))).toEqual(['kept.json'])
    expect([stale, recent, other].map((d) => fs.existsSync(d))).toEqual([false, true, true])
  })

  it('prunes only the kinds of the parts a build ran (a build without PDFs keeps them)', () => {
    const dir = scratch()
    new BuildCache(dir, () => undefined).writeFile('pdfs', 'old.pdf', 'x')
    new BuildCache(dir, () => undefined).writeJson('briefs', 'old', 1)
    new BuildCache(dir, () => undefined).prune(['compile', 'index'])
    expect(fs.readdirSync(path.join(dir, 'pdfs')).sort()).toEqual(['old.pdf', 'old.pdf.sha256'])
    expect(fs.readdirSync(path.join(dir, 'briefs'))).toEqual([])
  })
})
