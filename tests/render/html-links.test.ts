import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ResolvedConfig } from '../../src/config/resolve.ts'
import { rebaseFragment } from '../../src/render/html/fragments.ts'
import { absoluteUrl, alternates } from '../../src/render/html/languages.ts'
import { loadTheme, packagedTemplatesDir } from '../../src/theme/theme.ts'

const theme = loadTheme(path.join(packagedTemplatesDir, 'default'))
const config = { baseUrl: 'https://x.org/briefs/', languages: ['zh', 'en'] } as unknown as ResolvedConfig

describe('links between pages', () => {
  it('writes absolute URLs as a server shows them', () => {
    expect(absoluteUrl(config, 'zh/slug/index.html')).toBe('https://x.org/briefs/zh/slug/')
    expect(absoluteUrl(config, 'index.html')).toBe('https://x.org/briefs/')
    expect(absoluteUrl(config, 'sitemap.xml')).toBe('https://x.org/briefs/sitemap.xml')
  })

  it('percent-encodes each path segment of an absolute URL (regression: a raw space or newline in sitemap <loc>)', () => {
    expect(absoluteUrl(config, 'zh/碳 排放/index.html')).toBe('https://x.org/briefs/zh/%E7%A2%B3%20%E6%8E%92%E6%94%BE/')
    expect(absoluteUrl(config, 'en/a\nb/a\nb.pdf')).toBe('https://x.org/briefs/en/a%0Ab/a%0Ab.pdf')
    expect(absoluteUrl(config, 'en/100%#?x/index.html')).toBe('https://x.org/briefs/en/100%25%23%3Fx/')
    expect(new URL(absoluteUrl(config, 'en/a b\n/index.html')).pathname).toBe('/briefs/en/a%20b%0A/')
  })

  it("sends the language switcher to the same page, or to that language's home when there is none", () => {
    const found = alternates(config, theme, 'zh', '../../', (lang) =>
      lang === 'zh' ? 'zh/slug/index.html' : undefined,
    )
    expect(found).toEqual([
      {
        lang: 'zh',
        name: '中文',
        href: '../../zh/slug/index.html',
        url: 'https://x.org/briefs/zh/slug/',
        current: true,
      },
      { lang: 'en', name: 'English', href: '../../en/index.html', url: 'https://x.org/briefs/en/', current: false },
    ])
  })

  it("rebases a fragment's relative links for a page deeper in the site, and leaves the others", () => {
    const html =
      '<a href="zh/a/index.html#ref-x">1</a> <a href="#here">2</a> <a href="https://e.org">3</a> <img src="media/x.png" alt="">'
    expect(rebaseFragment(html, '../../')).toBe(
      '<a href="../../zh/a/index.html#ref-x">1</a> <a href="#here">2</a> <a href="https://e.org">3</a> <img src="../../media/x.png" alt="">',
    )
    expect(rebaseFragment(html, '')).toBe(html)
  })
})
