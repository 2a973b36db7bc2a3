import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { packagedTemplatesDir } from '../../src/config/resolve.ts'
import { loadTheme } from '../../src/render/html/theme.ts'
import { fontAssets, themeAssets } from '../../src/site/assets.ts'

const theme = loadTheme(path.join(packagedTemplatesDir, 'default'))

describe('site assets', () => {
  it('copies the theme\'s assets folder', () => {
    expect(themeAssets(theme).map((f) => f.path).sort()).toEqual(['assets/print.css', 'assets/style.css'])
  })

  it('ships each font stylesheet with its woff2 files only', () => {
    const files = fontAssets(theme)
    const css = files.filter((f) => f.path.endsWith('.css')).map((f) => ('content' in f ? String(f.content) : ''))
    expect(css).toHaveLength(theme.fonts.length)
    expect(css.join('')).not.toMatch(/\.woff\)/)
    const fonts = files.filter((f) => !f.path.endsWith('.css'))
    expect(fonts.length).toBeGreaterThan(50)
    expect(fonts.every((f) => f.path.startsWith('assets/fonts/files/') && f.path.endsWith('.woff2'))).toBe(true)
  })
})
