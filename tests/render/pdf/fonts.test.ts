import { createHash } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import * as hb from 'harfbuzzjs'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { BuildCache } from '../../../src/core/cache.ts'
import { type FontSubset, fontFaces, PrintFonts } from '../../../src/render/pdf/fonts.ts'
import { loadTheme } from '../../../src/theme/theme.ts'

// Note: the real subsetter, counted, to show which subsets the cache spared making.
const made = vi.hoisted(() => ({ subsets: 0 }))
vi.mock('subset-font', async (importOriginal) => {
  const { default: subsetFont } = await importOriginal<{ default: typeof import('subset-font') }>()
  return {
    default: (...args: Parameters<typeof subsetFont>) => {
      made.subsets++
      return subsetFont(...args)
    },
  }
})

const theme = loadTheme(path.resolve(import.meta.dirname, '../../../templates/default'))
const codePoints = (data: Uint8Array) => new Set(new hb.Face(new hb.Blob(data)).collectUnicodes())

describe('print fonts', () => {
  let fonts: PrintFonts
  beforeAll(async () => {
    fonts = PrintFonts.lazy(theme.fonts)
  })

  it('are whole font files of the default theme: Latin and Chinese, regular and bold', () => {
    expect(theme.fonts.map((f) => `${f.family} ${f.weight}`)).toEqual([
      'Noto Sans 400',
      'Noto Sans 700',
      'Noto Sans SC 400',
      'Noto Sans SC 700',
    ])
  })

  it("cover the sample's characters but not every script", async () => {
    const covered = await fonts.coverage()
    for (const char of '工作量证明，“挖矿”（PoW）—— 2016 Antminer S19 Pro’s 85%')
      expect(covered(char.codePointAt(0) ?? 0), char).toBe(true)
    for (const char of '𓀀\u{10FFFF}') expect(covered(char.codePointAt(0) ?? 0), char).toBe(false)
  })

  it('give the same answers from the cache as from the fonts', async () => {
    const cache = new BuildCache(fs.mkdtempSync(path.join(os.tmpdir(), 'briefkit-coverage-')), () => undefined)
    const [direct, stored, again] = [await fonts.coverage(), await fonts.coverage(cache), await fonts.coverage(cache)]
    const sample = [0x20, 0x41, 0x4e00, 0x5de5, 0x9fff, 0xff0c, 0x2014, 0x13000, 0x1f600, 0xe000]
    expect(sample.map(stored)).toEqual(sample.map(direct))
    expect(sample.map(again)).toEqual(sample.map(direct))
  })

  it("subset each font to the text's characters and ASCII, nothing else", async () => {
    const subsets = await fonts.subset('工作量证明')
    const chinese = subsets.find((s) => s.font.family === 'Noto Sans SC' && s.font.weight === 400)
    const kept = codePoints(chinese?.data ?? new Uint8Array())
    for (const char of '工作量证明A9%') expect(kept.has(char.codePointAt(0) ?? 0), char).toBe(true)
    expect(kept.has('挖'.codePointAt(0) ?? 0)).toBe(false)
    expect(chinese?.data.length).toBeLessThan(200_000)
  })

  it('share subsets between texts with the same characters', async () => {
    const a = await fonts.subset('挖矿挖矿')
    const b = await fonts.subset('矿挖')
    const c = await fonts.subset('挖矿！')
    expect(b.map((s) => s.name)).toEqual(a.map((s) => s.name))
    expect(c[0]?.name).not.toBe(a[0]?.name)
  })

  it('are declared with their family, weight and style', async () => {
    const css = fontFaces(await fonts.subset('证明'), 'print-fonts')
    expect(css).toMatch(
      /@font-face \{ font-family: "Noto Sans SC"; font-weight: 700; font-style: normal; src: url\("print-fonts\/NotoSansSC_700Bold-[0-9a-f]{16}\.ttf"\) format\("truetype"\); \}/,
    )
    expect(css.match(/@font-face/g)).toHaveLength(4)
  })
})

describe('print font subsets in the build cache', () => {
  const scratch = () => fs.mkdtempSync(path.join(os.tmpdir(), 'briefkit-subsets-'))
  const entries = (dir: string) =>
    fs
      .readdirSync(path.join(dir, 'subsets'))
      .filter((n) => n.endsWith('.ttf'))
      .map((n) => path.join(dir, 'subsets', n))
  const digests = (subsets: readonly FontSubset[]) =>
    subsets.map((s) => `${s.name} ${createHash('sha256').update(s.data).digest('hex')}`)
  const quiet = () => undefined

  it("are taken from the cache by a later build's fonts, byte for byte, without making any", async () => {
    const dir = scratch()
    const before = made.subsets
    const first = await PrintFonts.lazy(theme.fonts, new BuildCache(dir, quiet)).subset('工作量证明')
    expect(made.subsets - before).toBe(4)
    const times = entries(dir).map((file) => fs.statSync(file).mtimeMs)
    expect(times).toHaveLength(4)
    const again = await PrintFonts.lazy(theme.fonts, new BuildCache(dir, quiet)).subset('明证量作工')
    expect(made.subsets - before).toBe(4)
    expect(digests(again)).toEqual(digests(first))
    expect(entries(dir).map((file) => fs.statSync(file).mtimeMs)).toEqual(times)
  })

  it('are stored once for each set of characters', async () => {
    const dir = scratch()
    const fonts = PrintFonts.lazy(theme.fonts, new BuildCache(dir, quiet))
    await fonts.subset('挖矿')
    await fonts.subset('矿挖挖')
    expect(entries(dir)).toHaveLength(4)
    await fonts.subset('挖矿！')
    expect(entries(dir)).toHaveLength(8)
  })

  it('are shared by documents with the same characters; only the latest sets are held, the rest read from the cache', async () => {
    const before = made.subsets
    const fonts = PrintFonts.lazy(theme.fonts, new BuildCache(scratch(), quiet))
    const [a, b] = await Promise.all([fonts.subset('证明证明'), fonts.subset('明证')])
    expect(made.subsets - before).toBe(4)
    expect(b).toBe(a)
    expect(await fonts.subset('证明')).toBe(a)
    // Note: eight other sets later, it is no longer held (a build's sets would fill the memory) but read from the cache.
    for (const char of '一二三四五六七八') await fonts.subset(char)
    expect(made.subsets - before).toBe(4 + 8 * 4)
    const later = await fonts.subset('证明')
    expect(later).not.toBe(a)
    expect(digests(later)).toEqual(digests(a))
    expect(made.subsets - before).toBe(4 + 8 * 4)
  })

  it('are made anew, with a warning, when an entry was changed or is not a font', async () => {
    const dir = scratch()
    const first = await PrintFonts.lazy(theme.fonts, new BuildCache(dir, quiet)).subset('量证')
    const [changed, notFont] = entries(dir)
    if (!changed || !notFont) throw new Error('no cache entries')
    const bytes = fs.readFileSync(changed)
    bytes[100] = (bytes[100] ?? 0) ^ 0xff
    fs.writeFileSync(changed, bytes)
    // Note: bytes that match their checksum, but are no font.
    new BuildCache(dir, quiet).writeFile('subsets', path.basename(notFont), 'not a font')
    const warnings: string[] = []
    const before = made.subsets
    const again = await PrintFonts.lazy(theme.fonts, new BuildCache(dir, (m) => warnings.push(m))).subset('量证')
    expect(made.subsets - before).toBe(2)
    expect(warnings.sort()).toEqual(
      [
        `the cache entry ${changed} is damaged (its bytes are not those it was stored with); it was removed and its output is made anew`,
        `the cache entry ${notFont} is damaged; it was removed and its output is made anew`,
      ].sort(),
    )
    expect(digests(again)).toEqual(digests(first))
    const third = await PrintFonts.lazy(theme.fonts, new BuildCache(dir, (m) => warnings.push(m))).subset('量证')
    expect(made.subsets - before).toBe(2)
    expect(warnings).toHaveLength(2)
    expect(digests(third)).toEqual(digests(first))
  })

  it('used by a build that printed are kept by its prune, the others removed', async () => {
    const dir = scratch()
    const fonts = PrintFonts.lazy(theme.fonts, new BuildCache(dir, quiet))
    await fonts.subset('挖')
    await fonts.subset('矿')
    expect(entries(dir)).toHaveLength(8)
    const cache = new BuildCache(dir, quiet)
    await PrintFonts.lazy(theme.fonts, cache).subset('挖')
    cache.prune(['print'])
    expect(entries(dir)).toHaveLength(4)
    const before = made.subsets
    await PrintFonts.lazy(theme.fonts, new BuildCache(dir, quiet)).subset('挖')
    expect(made.subsets - before).toBe(0)
    await PrintFonts.lazy(theme.fonts, new BuildCache(dir, quiet)).subset('矿')
    expect(made.subsets - before).toBe(4)
  })

  it('of a PDF or card taken from the cache are kept with it, for when it is printed again', async () => {
    const dir = scratch()
    const fonts = PrintFonts.lazy(theme.fonts, new BuildCache(dir, quiet))
    await fonts.subset('挖', 'pdf-a')
    await fonts.subset('矿', 'pdf-b')
    await fonts.subset('证')
    expect(entries(dir)).toHaveLength(12)
    // Note: a build that prints other PDFs and takes pdf-a from the cache, and one printed before its subsets were noted.
    const cache = new BuildCache(dir, quiet)
    const later = PrintFonts.lazy(theme.fonts, cache)
    later.keep('pdf-a')
    later.keep('pdf-unknown')
    cache.prune(['print'])
    expect(entries(dir)).toHaveLength(4)
    const before = made.subsets
    await PrintFonts.lazy(theme.fonts, new BuildCache(dir, quiet)).subset('挖', 'pdf-a')
    expect(made.subsets - before).toBe(0)
    await PrintFonts.lazy(theme.fonts, new BuildCache(dir, quiet)).subset('矿', 'pdf-b')
    expect(made.subsets - before).toBe(4)
  })
})
