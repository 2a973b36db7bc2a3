import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { filesIn } from '../../src/core/output.ts'
import { brokenLinks, loadPage } from '../helpers/html.ts'
import { pdfInfo, pdfText } from '../helpers/pdf.ts'
import { copySite, runCli, snapshot } from '../helpers/sites.ts'

type Site = ReturnType<typeof copySite>
const build = (site: Site, ...flags: string[]) =>
  runCli(['build', '--no-pdf', ...flags, '--content', site.content, '--out', site.out])
const figure = (site: Site) => path.join(site.content, 'urban-trees', 'figures', 'heat.svg')

/** Every file the out dir holds, as text, by its path. */
function distText(out: string): Promise<Array<[string, string]>> {
  return filesIn(out).then((files) => files.map((file) => [file, fs.readFileSync(path.join(out, file), 'latin1')]))
}

const maliciousSvg = `<?xml version="1.0"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="320" height="120" onload="alert('onload')">
  <script>alert('script')</script>
  <a href="javascript:alert('link')"><rect width="320" height="120" fill="#fde68a"/></a>
  <image href="http://evil.example/track.png" width="10" height="10"/>
  <circle cx="80" cy="60" r="40" fill="#f97316"/>
</svg>
`

describe('nothing from content runs or fetches in the site', () => {
  it('an SVG figure with a script, onload, a javascript: link and an external image reaches dist/ without them', async () => {
    const site = copySite('unseen')
    fs.writeFileSync(figure(site), maliciousSvg)
    const result = await build(site)
    expect(result.code).toBe(0)
    const copied = fs.readFileSync(path.join(site.out, 'media', 'urban-trees', 'figures', 'heat.svg'), 'utf8')
    expect(copied).toContain('<circle cx="80" cy="60" r="40" fill="#f97316"/>')
    const leaking = (await distText(site.out)).filter(([, text]) =>
      /alert\('|onload=|javascript:alert|evil\.example/.test(text),
    )
    expect(leaking.map(([file]) => file)).toEqual([])
  })

  it("the PDF is printed from the sanitized SVG (a foreignObject's HTML is not in it, the figure's own text is), with plain-text metadata", async () => {
    const site = copySite('unseen')
    const brief = path.join(site.content, 'urban-trees', 'brief.md')
    fs.writeFileSync(
      brief,
      fs
        .readFileSync(brief, 'utf8')
        .replace(/^summary:.*$/m, 'summary: "Costs <b>rise</b> <script>alert(1)</script> &amp; fall."')
        .replace(/^title:.*$/m, 'title: "Shade <i>before</i> AC"'),
    )
    fs.writeFileSync(
      figure(site),
      [
        '<svg xmlns="http://www.w3.org/2000/svg" width="320" height="120"><text x="10" y="30" font-size="20">Drawn text</text>',
        '<foreignObject x="0" y="40" width="320" height="80"><p xmlns="http://www.w3.org/1999/xhtml" style="font-size:20px">Smuggled HTML</p></foreignObject></svg>',
      ].join(''),
    )
    const result = await runCli(['build', '--content', site.content, '--out', site.out])
    expect(result.code).toBe(0)
    const text = pdfText(path.join(site.out, 'en', 'urban-trees', 'urban-trees.pdf'))
    expect(text).toContain('Drawn text')
    expect(text).not.toContain('Smuggled HTML')
    const info = pdfInfo(path.join(site.out, 'en', 'urban-trees', 'urban-trees.pdf'))
    expect([info['Title'], info['Subject']]).toEqual(['Shade before AC', 'Costs rise & fall.'])
  }, 60_000)

  it('an SVG that cannot be read stops the build with exit 2 naming it, and leaves the out dir as it was', async () => {
    const site = copySite('unseen')
    expect((await build(site)).code).toBe(0)
    const before = snapshot(site.out)
    fs.writeFileSync(figure(site), '<svg xmlns="http://www.w3.org/2000/svg"><g>')
    const result = await build(site)
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/heat\.svg:1:\d+` cannot be read/)
    expect(snapshot(site.out)).toEqual(before)
  })

  it('an "image" that is an HTML page is refused, not copied to media/ where it would be a page of the site', async () => {
    const site = copySite('unseen')
    const brief = path.join(site.content, 'urban-trees', 'brief.md')
    fs.writeFileSync(path.join(site.content, 'urban-trees', 'figures', 'page.html'), '<script>alert(1)</script>')
    fs.writeFileSync(brief, fs.readFileSync(brief, 'utf8').replace('figures/heat.svg', 'figures/page.html'))
    const result = await build(site)
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/page\.html` is used as an image, but a `\.html` file is not one a page can show/)
    expect(fs.existsSync(site.out)).toBe(false)
  })
})

describe('theme files stay inside their theme', () => {
  /** A theme of the site's own, extending the default, with one more asset. */
  function withTheme(site: Site, addAsset: (assets: string) => void): void {
    const theme = path.join(site.root, 'templates', 'own')
    fs.mkdirSync(path.join(theme, 'assets'), { recursive: true })
    fs.writeFileSync(path.join(theme, 'theme.yaml'), 'extends: default\n')
    addAsset(path.join(theme, 'assets'))
    const yaml = path.join(site.content, 'site.yaml')
    fs.appendFileSync(yaml, 'theme: own\n')
  }

  it('a theme asset linked to /etc/passwd is not copied: exit 2 naming it', async () => {
    const site = copySite('unseen')
    withTheme(site, (assets) => fs.symlinkSync('/etc/passwd', path.join(assets, 'secret.css')))
    const result = await build(site)
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/theme file `[^`]*secret\.css` leads outside its theme, to `\/etc\/passwd`/)
    expect(fs.existsSync(site.out)).toBe(false)
  })

  it('a theme asset linked to another file of the theme is copied, an SVG one sanitized', async () => {
    const site = copySite('unseen')
    withTheme(site, (assets) => {
      fs.writeFileSync(
        path.join(assets, 'logo.svg'),
        '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script><rect width="1" height="1"/></svg>',
      )
      fs.symlinkSync('logo.svg', path.join(assets, 'favicon.svg'))
    })
    const result = await build(site)
    expect(result.code).toBe(0)
    const favicon = fs.readFileSync(path.join(site.out, 'assets', 'favicon.svg'), 'utf8')
    expect(favicon).toContain('<rect width="1" height="1"/>')
    expect(favicon).not.toContain('alert')
  })
})

describe('metadata is plain text', () => {
  it('HTML in the summary, title and authors reaches the meta description, Open Graph, JSON-LD and the feed as text (regression: literal tags)', async () => {
    const site = copySite('unseen')
    const brief = path.join(site.content, 'urban-trees', 'brief.md')
    const source = fs
      .readFileSync(brief, 'utf8')
      .replace(
        /^summary:.*$/m,
        'summary: "Costs <b>rise</b> <script>alert(1)</script> &amp; fall [@smith2020heat, p. 12]."',
      )
      .replace(/^title:.*$/m, 'title: "Shade <i>before</i> &amp; AC"')
      .replace('name: Ada Example', 'name: "Ada <b>Example</b>"')
    fs.writeFileSync(brief, source)
    const result = await build(site)
    expect(result.code).toBe(0)
    const $ = loadPage(site.out, 'en/urban-trees/index.html')
    expect($('meta[name=description]').attr('content')).toBe('Costs rise & fall.')
    expect($('meta[property="og:description"]').attr('content')).toBe('Costs rise & fall.')
    expect($('meta[name="twitter:description"]').attr('content')).toBe('Costs rise & fall.')
    expect($('meta[property="og:title"]').attr('content')).toBe('Shade before & AC')
    expect($('meta[name=citation_title]').attr('content')).toBe('Shade before & AC')
    expect($('meta[name=citation_author]').first().attr('content')).toBe('Ada Example')
    const jsonLd = JSON.parse($('script[type="application/ld+json"]').text()) as {
      description: string
      name: string
      author: Array<{ name: string }>
    }
    expect(jsonLd).toMatchObject({
      description: 'Costs rise & fall.',
      name: 'Shade before & AC',
      author: [{ name: 'Ada Example' }, { name: 'Ben Sample' }],
    })
    const feed = fs.readFileSync(path.join(site.out, 'en', 'feed.xml'), 'utf8')
    expect(feed).toContain('<summary>Costs rise &amp; fall.</summary>')
    expect(feed).toContain('<title>Shade before &amp; AC</title>')
    expect(feed).toContain('<name>Ada Example</name>')
    expect(feed).not.toMatch(/&lt;|alert/)
  })
})

describe('URLs of a slug in Chinese characters', () => {
  it('are percent-encoded in links, the sitemap and the feed, and every link leads to its file', async () => {
    const site = copySite('unseen')
    fs.renameSync(path.join(site.content, 'urban-trees'), path.join(site.content, '城市-trees'))
    const result = await build(site)
    expect(result.code).toBe(0)
    expect(brokenLinks(site.out)).toEqual([])
    const slug = '%E5%9F%8E%E5%B8%82-trees'
    const sitemap = fs.readFileSync(path.join(site.out, 'sitemap.xml'), 'utf8')
    expect(sitemap).toContain(`<loc>https://test.example.org/en/${slug}/</loc>`)
    expect(fs.readFileSync(path.join(site.out, 'en', 'feed.xml'), 'utf8')).toContain(
      `<link href="https://test.example.org/en/${slug}/"/>`,
    )
    const $ = loadPage(site.out, `en/城市-trees/index.html`)
    expect($('link[rel=canonical]').attr('href')).toBe(`https://test.example.org/en/${slug}/`)
    expect(loadPage(site.out, 'en/index.html')(`a[href="../en/${slug}/index.html"]`).length).toBeGreaterThan(0)
  })
})
