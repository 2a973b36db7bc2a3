import fs from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { brokenLinks, htmlFiles, loadPage } from '../helpers/html.ts'
import { copySite, runCli } from '../helpers/sites.ts'

// Unseen content in the documented format: another topic, the site's own argument kinds, an English
// brief with a table, a footnote, a figure, grouped, narrative and locator citations, an uncited entry.
describe('building unseen content', () => {
  const site = copySite('unseen')
  let result: Awaited<ReturnType<typeof runCli>>

  beforeAll(async () => {
    result = await runCli(['build', '--no-pdf', '--content', site.content, '--out', site.out])
  })

  it('builds, warning about the uncited entry only', () => {
    expect(result.code).toBe(0)
    expect(result.stderr).toMatch(
      /references\.bib:28:1: warning: `unused2018` is in the bibliography but never cited \[uncited-reference\]/,
    )
    expect(result.stderr).not.toMatch(/error/)
  })

  it('renders the arguments in order with their own kinds and claims', () => {
    const $ = loadPage(site.out, 'en/urban-trees/index.html')
    expect($('html').attr('lang')).toBe('en')
    expect(
      $('section.argument')
        .map((_, el) => $(el).attr('data-kind'))
        .get(),
    ).toEqual(['evidence', 'cost', 'equity'])
    expect($('section.argument .claim').length).toBe(3)
    expect($('section.argument[data-kind=cost] .kind-tag').first().text()).toBe('Cost')
  })

  it('renders the table, footnote and figure', () => {
    const $ = loadPage(site.out, 'en/urban-trees/index.html')
    expect($('table td').first().text()).toBe('A')
    expect($('.footnotes li').text()).toContain('Measured at noon in July.')
    const src = $('img[alt="A map of surface heat"]').attr('src') ?? ''
    expect(fs.existsSync(path.join(site.out, 'en/urban-trees', src))).toBe(true)
  })

  it('renders grouped, narrative and locator citations in Chicago author-date and lists cited works only', () => {
    const $ = loadPage(site.out, 'en/urban-trees/index.html')
    const text = $('.brief-body').text()
    expect(text).toContain('(see Lee 2019, chap. 2)')
    expect(text).toContain('Smith et al. (2020)')
    expect(text).toContain('(Smith et al. 2020; Lee 2019; Khan 2021)')
    expect(text).toContain('(Khan 2021, 4–5)')
    expect(
      $('.reference-list li')
        .map((_, el) => $(el).attr('id'))
        .get(),
    ).toEqual(['ref-khan2021shade', 'ref-lee2019canopy', 'ref-smith2020heat'])
    expect(text).not.toContain('[@')
  })

  it('links every internal href and src to something that exists', () => {
    expect(brokenLinks(site.out)).toEqual([])
  })

  it('lists the brief on the home page', () => {
    const $ = loadPage(site.out, 'index.html')
    expect($('.brief-card a').first().attr('href')).toBe('en/urban-trees/index.html')
    expect($('.brief-card .summary').text()).toContain('Street trees cool cities cheaply')
  })
})

describe('content never smuggles script into a page', () => {
  it('drops <script>, event handlers and javascript: URLs', async () => {
    const site = copySite('unseen')
    const file = path.join(site.content, 'urban-trees', 'arguments', 'b-cost.md')
    fs.appendFileSync(
      file,
      [
        '',
        '<script>alert("x")</script>',
        '',
        '<img src="figures/x.png" onerror="alert(1)" alt="x">',
        '',
        '[click](javascript:alert(1)) <a href="javascript:alert(2)" onclick="alert(3)">raw</a>',
        '',
        '<iframe src="https://evil.example"></iframe><style>body{display:none}</style>',
        '',
      ].join('\n'),
    )
    const brief = path.join(site.content, 'urban-trees', 'brief.md')
    fs.writeFileSync(
      brief,
      fs
        .readFileSync(brief, 'utf8')
        .replace('title: Shade Before Air Conditioning', 'title: "Shade <script>alert(4)</script>"'),
    )
    expect((await runCli(['build', '--no-pdf', '--content', site.content, '--out', site.out])).code).toBe(0)
    for (const page of htmlFiles(site.out)) {
      const html = fs.readFileSync(path.join(site.out, page), 'utf8')
      // Note: the only scripts are briefkit's JSON-LD, whose JSON escapes `<`, and the search box's files.
      const jsonLd = /<script type="application\/ld\+json">([^<]*)<\/script>/.exec(html)
      // Note: metadata gets the title's plain text, as a browser would show it: no tags, no script.
      if (jsonLd) expect(JSON.parse(jsonLd[1] ?? '').name).toBe('Shade')
      const ours = /<script src="[./]*(pagefind\/pagefind-ui|assets\/search)\.js"><\/script>/g
      expect(html.replace(jsonLd?.[0] ?? '', '').replace(ours, '')).not.toMatch(
        /<script|<iframe|<style|\son[a-z]+=|javascript:/i,
      )
    }
    expect(loadPage(site.out, 'en/urban-trees/index.html')('h1').text()).toBe('Shade <script>alert(4)</script>')
  })
})
