import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Browser } from 'puppeteer'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { defaultArgumentKinds } from '../../src/config/kinds.ts'
import type { ArgumentMap } from '../../src/core/argument-map.ts'
import { drawMap } from '../../src/render/map/draw.ts'
import { mapWords } from '../../src/render/map/words.ts'
import { kindStyles } from '../../src/site/kind-styles.ts'
import { loadTheme, packagedTemplatesDir, type Theme } from '../../src/theme/theme.ts'
import { enMap, zhMap } from '../fixtures/argument-map/maps.ts'
import { launchBrowser } from '../helpers/browser.ts'
import { axeSerious, problems } from '../helpers/map-page.ts'

const url = (file: string) => pathToFileURL(file).href

/**
 * A page holding a drawn map as a brief's page does: the theme's stylesheets, its fonts (the full
 * files, as the site's subsets would hold these characters), the kinds' colours, a text column.
 */
async function mapPage(dir: string, theme: Theme, map: ArgumentMap, lang: string): Promise<string> {
  const words = mapWords(theme.strings(lang))
  const faces = theme.fonts.map(
    (font) =>
      `@font-face { font-family: "${font.family}"; font-weight: ${font.weight}; src: url("${url(font.file)}"); }`,
  )
  const assets = (name: string) =>
    [theme.dir, path.join(packagedTemplatesDir, 'default')]
      .map((dir) => path.join(dir, 'assets', name))
      .find((file) => fs.existsSync(file)) ?? ''
  const html = `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${words.argumentMap}</title>
<style>${faces.join('\n')}\n${(kindStyles(defaultArgumentKinds) as { content: string }).content}</style>
<link rel="stylesheet" href="${url(assets('figures.css'))}"><link rel="stylesheet" href="${url(assets('style.css'))}">
</head><body><main><article class="brief wrap"><div class="brief-layout"><nav class="toc"></nav><div class="brief-body">
<section class="argument-map-section" id="argument-map" aria-labelledby="argument-map-title"><h2 id="argument-map-title">${words.argumentMap}</h2>
${await drawMap(map, { fonts: theme.fonts, lang, words })}
</section></div></div></article></main></body></html>`
  const file = path.join(dir, `${path.basename(theme.dir)}-${lang}.html`)
  fs.writeFileSync(file, html)
  return file
}

describe('the argument map in Chromium', () => {
  let browser: Browser
  let dir: string
  beforeAll(async () => {
    browser = await launchBrowser()
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'briefkit-map-'))
  })
  afterAll(async () => {
    await browser?.close()
    if (!process.env.KEEP) fs.rmSync(dir, { recursive: true, force: true })
  })

  it('keeps every label inside its node, no node on another, at 390 and 1280 px, in both themes; axe finds nothing serious', async () => {
    const found: string[] = []
    const page = await browser.newPage()
    for (const name of ['default', 'report']) {
      const theme = loadTheme(path.join(packagedTemplatesDir, name))
      for (const [map, lang] of [
        [zhMap, 'zh'],
        [enMap, 'en'],
      ] as const) {
        const file = await mapPage(dir, theme, map, lang)
        for (const width of [390, 1280]) {
          await page.setViewport({ width, height: 900 })
          await page.goto(url(file), { waitUntil: 'load' })
          await page.evaluate(() => document.fonts.ready)
          // Note: the map's own fonts, not a fallback, set its text (a fallback would be measured wrong).
          const loaded = await page.evaluate(() => {
            const first = document.querySelector('svg.argument-map-svg')?.getAttribute('font-family')?.split(',')[0]
            return [...document.fonts].some((f) => `"${f.family}"` === first && f.status === 'loaded')
          })
          expect(loaded, `${name} ${lang}`).toBe(true)
          found.push(...(await page.evaluate(problems)).map((problem) => `${name} ${lang} ${width}px: ${problem}`))
          if (width === 390) found.push(...(await axeSerious(page)).map((v) => `${name} ${lang} ${width}px: ${v}`))
        }
      }
    }
    await page.close()
    expect(found).toEqual([])
  }, 60_000)
})
