import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { BuildCache } from '../../src/core/cache.ts'
import { renderLayout } from '../../src/render/html/layout.ts'
import { loadTheme, packagedTemplatesDir } from '../../src/theme/theme.ts'

/** A scratch copy of the default theme, with a build cache. */
function scratch() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'briefkit-layout-'))
  const themeDir = path.join(root, 'theme')
  fs.cpSync(path.join(packagedTemplatesDir, 'default'), themeDir, { recursive: true })
  fs.writeFileSync(path.join(themeDir, 'layouts', 'probe.liquid'), '<p>{{ text }}</p>{% render "probe-part" %}')
  fs.writeFileSync(path.join(themeDir, 'partials', 'probe-part.liquid'), '<i>part one</i>')
  return { themeDir, cache: new BuildCache(path.join(root, 'cache'), () => undefined) }
}

describe('renderLayout', () => {
  it('with a cache, gives what rendering gives, and renders anew when the context or a template changed', async () => {
    const { themeDir, cache } = scratch()
    const render = (text: string, theme = loadTheme(themeDir)) =>
      renderLayout(theme, 'probe', { lang: 'en', text }, [], cache)
    const first = await render('one')
    expect(first).toBe('<p>one</p><i>part one</i>')
    expect(fs.readdirSync(path.join(cache.dir, 'pages'))).toHaveLength(1)
    expect(await render('one')).toBe(first)
    expect(fs.readdirSync(path.join(cache.dir, 'pages'))).toHaveLength(1)
    expect(await render('two')).toBe('<p>two</p><i>part one</i>')
    // Note: a new build loads the theme anew; a partial it renders changed, so the page does too.
    fs.writeFileSync(path.join(themeDir, 'partials', 'probe-part.liquid'), '<i>part two</i>')
    expect(await render('one')).toBe('<p>one</p><i>part two</i>')
    expect(fs.readdirSync(path.join(cache.dir, 'pages'))).toHaveLength(3)
  })
})
