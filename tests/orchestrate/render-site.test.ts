import { describe, expect, it } from 'vitest'
import { renderPrintPages, renderSite } from '../../src/orchestrate/render-site.ts'
import { compileContent, copySite } from '../helpers/sites.ts'

async function rendered(withPdf: boolean) {
  const site = copySite('unseen')
  const { config, theme, briefs } = compileContent(site.content, false)
  if (!config || !theme) throw new Error('the unseen site did not compile')
  const withPdfs = new Set(withPdf ? briefs : [])
  return { briefs, ...(await renderSite(briefs, { config, theme }, withPdfs)) }
}

describe('renderSite', () => {
  it('renders every page and the files beside them, each page also a file', async () => {
    const { pages, files } = await rendered(true)
    expect(pages.map((p) => p.path).sort()).toEqual(
      ['404.html', 'en/index.html', 'en/urban-trees/index.html', 'index.html']
        .concat(pages.filter((p) => p.path.startsWith('en/kinds/')).map((p) => p.path))
        .sort(),
    )
    const paths = new Set(files.map((f) => f.path))
    for (const page of pages) expect(paths).toContain(page.path)
    for (const file of [
      'sitemap.xml',
      'robots.txt',
      'en/feed.xml',
      '.briefkit-output',
      'en/urban-trees/urban-trees.bib',
    ]) {
      expect(paths).toContain(file)
    }
  })

  it("fills every label slot with the theme's words", async () => {
    const { pages } = await rendered(true)
    const brief = pages.find((p) => p.path === 'en/urban-trees/index.html')?.html ?? ''
    expect(pages.filter((p) => p.html.includes('\uE000')).map((p) => p.path)).toEqual([])
    expect(brief).toMatch(/id="intro-footnote-label"[^>]*>Notes</)
  })

  it("links a brief's PDF only when it has one", async () => {
    const link = (html: string) => html.includes('urban-trees.pdf')
    const page = (r: Awaited<ReturnType<typeof rendered>>) =>
      r.pages.find((p) => p.path === 'en/urban-trees/index.html')?.html ?? ''
    expect(link(page(await rendered(true)))).toBe(true)
    expect(link(page(await rendered(false)))).toBe(false)
  })
})

describe('renderPrintPages', () => {
  it('renders the print page of each brief beside its page', async () => {
    const site = copySite('unseen')
    const { config, theme, briefs } = compileContent(site.content, true)
    if (!config || !theme) throw new Error('the unseen site did not compile')
    const printPages = await renderPrintPages(briefs, config, theme)
    expect(printPages.map((p) => p.page.path)).toEqual(['en/urban-trees/print.html'])
    expect(printPages[0]?.brief).toBe(briefs[0])
  })
})
