import { beforeAll, describe, expect, it } from 'vitest'
import { brokenLinks, loadPage } from '../helpers/html.ts'
import { copySite, runCli } from '../helpers/sites.ts'

// A brief with a translation in `content/<slug>/<lang>/`, sharing the parent's bibliography.
describe('a brief with a translation', () => {
  const site = copySite('bilingual')
  let result: Awaited<ReturnType<typeof runCli>>

  beforeAll(async () => {
    result = await runCli(['build', '--no-pdf', '--content', site.content, '--out', site.out])
  })

  it('builds both editions from one bibliography, without warnings', () => {
    expect(result.code).toBe(0)
    expect(result.stderr).not.toMatch(/warning|error/)
  })

  it('renders each edition in its language and its default style', () => {
    const zh = loadPage(site.out, 'zh/trees/index.html')
    expect(zh('html').attr('lang')).toBe('zh')
    zh('.citation-preview').remove()
    expect(zh('#summary .summary-text').text()).toBe('行道树能以低成本为城市降温\u2060[1]。')
    const en = loadPage(site.out, 'en/trees/index.html')
    expect(en('html').attr('lang')).toBe('en')
    expect(en('.brief-body').text()).toContain('(Lee 2019)')
    expect(en('section.argument h2').text()).toBe('The evidence is strong')
  })

  it('lists both editions on the home page, with working links', () => {
    const home = loadPage(site.out, 'index.html')
    expect(home('.brief-card h2 a').map((_, el) => home(el).attr('href')).get().sort()).toEqual(['en/trees/index.html', 'zh/trees/index.html'])
    expect(brokenLinks(site.out)).toEqual([])
  })
})
