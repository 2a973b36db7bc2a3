import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { themeAssets } from '../../src/site/assets.ts'
import { loadTheme, packagedTemplatesDir } from '../../src/theme/theme.ts'

const theme = loadTheme(path.join(packagedTemplatesDir, 'default'))

describe('site assets', () => {
  it("copies the theme's assets folder", () => {
    expect(
      themeAssets(theme)
        .map((f) => f.path)
        .sort(),
    ).toEqual([
      'assets/card.css',
      'assets/chinese.css',
      'assets/favicon.svg',
      'assets/figures.css',
      'assets/print-figures.css',
      'assets/print.css',
      'assets/search.js',
      'assets/style.css',
    ])
  })

  it('takes what a theme that extends another lacks from that one', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'briefkit-theme-'))
    const child = path.join(root, 'child')
    fs.mkdirSync(path.join(child, 'assets'), { recursive: true })
    fs.mkdirSync(path.join(child, 'strings'))
    fs.mkdirSync(path.join(child, 'layouts'))
    fs.writeFileSync(path.join(child, 'theme.yaml'), 'extends: default\n')
    fs.writeFileSync(path.join(child, 'assets', 'style.css'), 'body { color: red }\n')
    fs.writeFileSync(path.join(child, 'strings', 'en.yaml'), 'summary: In short\n')
    const extended = loadTheme(child)
    const assets = themeAssets(extended)
    expect(assets.find((a) => a.path === 'assets/style.css')).toMatchObject({
      from: path.join(child, 'assets', 'style.css'),
    })
    expect(assets.map((a) => a.path)).toContain('assets/print.css')
    expect(extended.strings('en')['summary']).toBe('In short')
    expect(extended.strings('en')['references']).toBe('References')
    expect(extended.fonts).toEqual(theme.fonts)
    expect(await extended.engine.renderFile('not-found', { versions: [], t: {}, alternates: [], og: {} })).toContain(
      'class="wrap not-found"',
    )
  })
})
