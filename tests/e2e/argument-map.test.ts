import fs from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Browser, Page } from 'puppeteer'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { defaultArgumentKinds } from '../../src/config/kinds.ts'
import type { ArgumentMap } from '../../src/core/argument-map.ts'
import { drawMap } from '../../src/render/map/draw.ts'
import { mapWords } from '../../src/render/map/words.ts'
import { kindStyles } from '../../src/site/kind-styles.ts'
import { loadTheme, packagedTemplatesDir, type Theme } from '../../src/theme/theme.ts'
import { enMap, zhMap } from '../fixtures/argument-map/maps.ts'
import { launchBrowser } from '../helpers/browser.ts'

const url = (file: string) => pathToFileURL(file).href
const require = createRequire(import.meta.url)

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

/** What a page shows wrong: text outside its node's shape, shapes overlapping, text under 11 px, a page that scrolls sideways. */
function problems(): string[] {
  const found: string[] = []
  const svg = document.querySelector('svg.argument-map-svg') as SVGSVGElement
  const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width
  if (13 * scale < 10.9) found.push(`text at ${(13 * scale).toFixed(1)}px`)
  if (document.documentElement.scrollWidth > window.innerWidth) found.push('the page scrolls sideways')
  const nodes = [...svg.querySelectorAll('a.map-node')].map((a) => ({
    id: a.getAttribute('data-node'),
    shape: (a.querySelector('.map-shape') as SVGGraphicsElement).getBoundingClientRect(),
    text: (a.querySelector('text') as SVGTextElement).getBoundingClientRect(),
  }))
  for (const { id, shape, text } of nodes) {
    const out = text.left < shape.left - 0.5 || text.right > shape.right + 0.5
    if (out || text.top < shape.top - 0.5 || text.bottom > shape.bottom + 0.5) {
      found.push(
        `${id}: text ${[text.left, text.top, text.right, text.bottom].map(Math.round)} outside ${[shape.left, shape.top, shape.right, shape.bottom].map(Math.round)}`,
      )
    }
  }
  for (const [i, a] of nodes.entries()) {
    for (const b of nodes.slice(i + 1)) {
      const x = Math.min(a.shape.right, b.shape.right) - Math.max(a.shape.left, b.shape.left)
      const y = Math.min(a.shape.bottom, b.shape.bottom) - Math.max(a.shape.top, b.shape.top)
      if (x > 0.5 && y > 0.5) found.push(`${a.id} overlaps ${b.id}`)
    }
  }
  return found
}

/** axe-core's serious and critical findings on the page (a scrolling box one cannot reach by keyboard, an unnamed image …). */
async function axeSerious(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') })
  return page.evaluate(async () => {
    type Result = { violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> }
    const axe = (window as unknown as { axe: { run: () => Promise<Result> } }).axe
    return (await axe.run()).violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
  })
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
