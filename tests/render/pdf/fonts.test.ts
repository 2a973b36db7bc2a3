import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import * as hb from 'harfbuzzjs'
import { beforeAll, describe, expect, it } from 'vitest'
import { BuildCache } from '../../../src/core/cache.ts'
import { fontFaces, PrintFonts } from '../../../src/render/pdf/fonts.ts'
import { loadTheme } from '../../../src/theme/theme.ts'

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
