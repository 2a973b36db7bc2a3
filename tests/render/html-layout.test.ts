import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { BuildCache } from '../../src/core/cache.ts'
import { renderPage } from '../../src/render/html/layout.ts'
import { StoredPage } from '../../src/render/html/page-context.ts'
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

describe('renderPage', () => {
  // Note: each page entry is its HTML file and the checksum beside it.
  const entries = (cache: BuildCache) =>
    fs.readdirSync(path.join(cache.dir, 'pages')).filter((f) => f.endsWith('.html'))

  it('with a cache, gives what rendering gives, and renders anew when the context or a template changed', async () => {
    const { themeDir, cache } = scratch()
    const render = async (text: string, theme = loadTheme(themeDir)) =>
      (await renderPage(theme, 'probe', 'en/probe/index.html', { lang: 'en', text }, [], cache)).html
    const first = await render('one')
    expect(first).toBe('<p>one</p><i>part one</i>')
    expect(entries(cache)).toHaveLength(1)
    expect(await render('one')).toBe(first)
    expect(entries(cache)).toHaveLength(1)
    expect(await render('two')).toBe('<p>two</p><i>part one</i>')
    // Note: a new build loads the theme anew; a partial it renders changed, so the page does too.
    fs.writeFileSync(path.join(themeDir, 'partials', 'probe-part.liquid'), '<i>part two</i>')
    expect(await render('one')).toBe('<p>one</p><i>part two</i>')
    expect(entries(cache)).toHaveLength(3)
  })

  it('keeps a cached page on disk, not in memory, and renders a damaged entry anew', async () => {
    const { themeDir, cache } = scratch()
    const theme = loadTheme(themeDir)
    const page = await renderPage(theme, 'probe', 'en/probe/index.html', { lang: 'en', text: 'one' }, [], cache)
    expect(page).toBeInstanceOf(StoredPage)
    expect(page.path).toBe('en/probe/index.html')
    const file = (page as StoredPage).file
    expect(fs.readFileSync(file, 'utf8')).toBe('<p>one</p><i>part one</i>')
    fs.writeFileSync(file, '<p>tampered</p>')
    const warnings: string[] = []
    const again = new BuildCache(cache.dir, (w) => warnings.push(w))
    const remade = await renderPage(theme, 'probe', 'en/probe/index.html', { lang: 'en', text: 'one' }, [], again)
    expect(remade.html).toBe('<p>one</p><i>part one</i>')
    expect(warnings.join('\n')).toMatch(/is damaged/)
  })

  it('without a cache, holds the page in memory', async () => {
    const { themeDir } = scratch()
    const page = await renderPage(loadTheme(themeDir), 'probe', 'p.html', { lang: 'en', text: 'x' })
    expect(page).toEqual({ path: 'p.html', html: '<p>x</p><i>part one</i>' })
  })
})
