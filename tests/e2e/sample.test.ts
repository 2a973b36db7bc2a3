import { execFile, execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { beforeAll, describe, expect, it } from 'vitest'
import { brokenLinks, htmlFiles, loadPage } from '../helpers/html.ts'
import { pdfBookmarks, pdfFonts, pdfInfo, pdfText } from '../helpers/pdf.ts'

const run = promisify(execFile)
const root = path.resolve(import.meta.dirname, '..', '..')
const briefPage = 'zh/mining-not-viable/index.html'

// The sample brief, built once by the real command line in a child process (real Chromium for the
// PDF), into a temp dir.
const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'briefkit-sample-')), 'dist')
let stderr = ''

beforeAll(async () => {
  const env = { ...process.env, SOURCE_DATE_EPOCH: '1700000000' }
  const result = await run(
    process.execPath,
    [path.join(root, 'bin', 'briefkit.js'), 'build', '--force', '--content', path.join(root, 'content'), '--out', out],
    { cwd: root, env },
  )
  stderr = result.stderr
})

describe('building the sample', () => {
  it('builds without errors or warnings', () => {
    // Note: `--force`, so the PDFs are printed by this run, never taken from an earlier one's cache.
    expect(stderr).toMatch(
      /briefkit: built \d+ pages and 2 PDFs \(2 printed, 0 unchanged from the cache\) from 2 briefs/,
    )
    expect(stderr).not.toMatch(/error|warning/)
  })

  it('writes the home page and the brief page, in Chinese', () => {
    expect(fs.existsSync(path.join(out, 'index.html'))).toBe(true)
    const $ = loadPage(out, briefPage)
    expect($('html').attr('lang')).toBe('zh')
    expect($('h1').text()).toBe('虚拟货币为什么不能挖矿')
  })

  it("has the English edition with the same structure, citations and editor's notes", () => {
    const zh = loadPage(out, briefPage)
    const en = loadPage(out, 'en/mining-not-viable/index.html')
    expect(en('h1').text()).toBe('Why Cryptocurrency Mining Is Not Viable')
    const shape = ($: typeof zh) => ({
      kinds: $('section.argument')
        .map((_, el) => $(el).attr('data-kind'))
        .get(),
      notes: $('.callout-note').length,
      cited: $('.reference-list > li')
        .map((_, li) => $(li).attr('id'))
        .get()
        .sort(),
    })
    expect(shape(en)).toEqual(shape(zh))
    expect(fs.existsSync(path.join(out, 'en', 'mining-not-viable', 'mining-not-viable.pdf'))).toBe(true)
  })

  it('has the five arguments in order, each with a claim', () => {
    const $ = loadPage(out, briefPage)
    const kinds = $('section.argument')
      .map((_, el) => $(el).attr('data-kind'))
      .get()
    expect(kinds).toEqual(['policy', 'environment', 'economics', 'centralization', 'value'])
    $('section.argument').each((_, el) => {
      expect($(el).find('.claim').text().trim().length).toBeGreaterThan(10)
    })
  })

  it('has at least 10 citation links, each resolving to an entry of the reference list', () => {
    const $ = loadPage(out, briefPage)
    const links = $('a.citation, .citation a')
      .map((_, el) => $(el).attr('href'))
      .get()
    expect(links.length).toBeGreaterThanOrEqual(10)
    const entries = new Set(
      $('.reference-list > li')
        .map((_, el) => $(el).attr('id'))
        .get(),
    )
    for (const href of links) expect(entries.has(href.replace(/^#/, '')), href).toBe(true)
    expect(entries.size).toBeGreaterThanOrEqual(15)
  })

  it('formats references in GB/T 7714 with numbers and type codes', () => {
    const $ = loadPage(out, briefPage)
    const first = $('.reference-list > li').first().text()
    expect(first).toMatch(/^\s*\[1\]/)
    expect($('.reference-list').text()).toMatch(/\[R\/OL\]|\[R\]/)
    expect($('.reference-list').text()).toMatch(/\[EB\/OL\]/)
  })

  it("shows the editor's notes", () => {
    const $ = loadPage(out, briefPage)
    expect($('.callout-note .callout-title').first().text()).toBe('编者注')
  })

  it('leaves no citation syntax on any page and no broken internal link', () => {
    for (const page of htmlFiles(out)) expect(fs.readFileSync(path.join(out, page), 'utf8'), page).not.toContain('[@')
    expect(brokenLinks(out)).toEqual([])
  })

  it('ships the CJK web font and the styles', () => {
    const $ = loadPage(out, briefPage)
    for (const href of $('link[rel=stylesheet]')
      .map((_, el) => $(el).attr('href'))
      .get()) {
      expect(fs.existsSync(path.join(out, 'zh/mining-not-viable', href)), href).toBe(true)
    }
    const css = fs.readFileSync(path.join(out, 'assets/fonts.css'), 'utf8')
    const chinese = /font-family: "Noto Sans SC"; font-weight: 400;[^}]*url\("(fonts\/[^"]+\.woff2)"\)/.exec(css)
    expect(chinese?.[1]).toBeDefined()
    expect(
      fs
        .readFileSync(path.join(out, 'assets', chinese?.[1] ?? ''))
        .subarray(0, 4)
        .toString('latin1'),
    ).toBe('wOF2')
  })
})

describe("the sample's figures, charts and tables", () => {
  it('numbers its figures and table, links the cross-references to them, and draws the charts inline without script', () => {
    for (const [page, figure, table] of [
      [briefPage, '图 1', '表 1'],
      ['en/mining-not-viable/index.html', 'Figure 1.', 'Table 1.'],
    ] as const) {
      const $ = loadPage(out, page)
      expect($('figure#fig-electricity > figcaption .figure-label').text()).toBe(figure)
      expect($('figure#tbl-pools > figcaption .figure-label').text()).toBe(table)
      expect($('figure#fig-electricity .chart svg[role="img"]')).toHaveLength(2)
      expect($('figure#fig-hashrate-share .chart svg title').first().text()).not.toBe('')
      expect($('.chart script, .chart [href], .chart foreignObject')).toHaveLength(0)
      const xrefs = $('a.xref')
        .map((_, a) => $(a).attr('href'))
        .get()
      expect(new Set(xrefs)).toEqual(new Set(['#fig-electricity', '#fig-hashrate-share', '#tbl-pools', '#sec-costs']))
      for (const href of xrefs) expect($(href), href).toHaveLength(1)
      expect($('.summary-text .stats .stat')).toHaveLength(3)
      const data = $('figure#fig-electricity details.figure-data a').attr('href') ?? ''
      expect(fs.existsSync(path.join(out, path.dirname(page), data))).toBe(true)
    }
  })

  it('prints the same numbers and chart text in the PDF, the charts as vectors', () => {
    const pdf = path.join(out, 'zh/mining-not-viable/mining-not-viable.pdf')
    const text = pdfText(pdf)
    for (const expected of ['图 1', '图 2', '表 1', '第 3.1 节', '阿根廷', '挪威', '年用电量（太瓦时）', '75.5']) {
      expect(text).toContain(expected)
    }
    const images = execFileSync('pdfimages', ['-list', pdf], { encoding: 'utf8' }).trim().split('\n').slice(2)
    expect(images).toEqual([])
    // Note: each cross-reference's target is a named destination, so "图 1" leads to the figure's page.
    const destinations = execFileSync('pdfinfo', ['-dests', pdf], { encoding: 'utf8' })
    for (const id of ['fig-electricity', 'fig-hashrate-share', 'tbl-pools', 'sec-costs'])
      expect(destinations).toContain(`"${id}"`)
  })
})

describe('the sample PDF', () => {
  const pdf = path.join(out, 'zh/mining-not-viable/mining-not-viable.pdf')

  it('embeds every font, none of them Type 3, a Chinese one among them', () => {
    const fonts = pdfFonts(pdf)
    expect(fonts.length).toBeGreaterThan(0)
    expect(fonts.every((f) => f.embedded)).toBe(true)
    expect(fonts.filter((f) => /Type 3/.test(f.type))).toEqual([])
    expect(fonts.some((f) => /NotoSansSC/.test(f.name))).toBe(true)
    expect(fonts.filter((f) => !/\+NotoSans/.test(f.name)).map((f) => f.name)).toEqual([])
  })

  it('keeps the Chinese text intact', () => {
    const text = pdfText(pdf).replace(/\s+/g, '')
    expect(text).toContain('工作量证明')
    expect(text).toContain('每2016个区块')
    expect(text).toContain('参考文献')
  })

  it('carries title, author, tags, language and the SOURCE_DATE_EPOCH date', () => {
    const info = pdfInfo(pdf, ['-isodates'])
    expect(info['Title']).toBe('虚拟货币为什么不能挖矿')
    expect(info['Author']).toBe('briefkit 编辑部')
    expect(info['Tagged']).toBe('yes')
    expect(info['CreationDate']).toBe('2023-11-14T22:13:20Z')
    expect(Number(info['Pages'])).toBeGreaterThanOrEqual(5)
    expect(fs.statSync(pdf).size).toBeLessThan(2 * 1024 * 1024)
  })

  it('has bookmarks for the sections and the five arguments', () => {
    const bookmarks = pdfBookmarks(pdf)
    for (const title of [
      '摘要',
      '引言',
      '政策收紧与合规风险',
      '能源消耗与环境代价',
      '不可持续的经济模型',
      '算力集中与去中心化的悖论',
      '缺乏真实社会价值',
      '结论与建议',
      '参考文献',
    ]) {
      expect(bookmarks).toContain(title)
    }
    expect(bookmarks.filter((t) => t.length % 2 === 0 && t.slice(0, t.length / 2) === t.slice(t.length / 2))).toEqual(
      [],
    )
  })

  it('numbers inner pages, not the cover, and gives the contents page numbers', () => {
    const pages = Number(pdfInfo(pdf)['Pages'])
    expect(pdfText(pdf, 1)).not.toMatch(/第 \d+ 页/)
    expect(pdfText(pdf, 2)).toContain(`第 2 页，共 ${pages} 页`)
    expect(pdfText(pdf, 3)).toMatch(/目录[\s\S]*参考文献\s+\d+/)
  })

  it('ends with the suggested citation and the canonical URL at the foot of its last page', () => {
    const pages = Number(pdfInfo(pdf)['Pages'])
    const last = pdfText(pdf, pages)
    expect(last).toContain('建议引用格式')
    expect(last).toContain('https://briefs.example.org/zh/mining-not-viable/')
    expect(last.replace(/\s+/g, '')).toContain('虚拟货币为什么不能挖矿')
  })

  it('is linked from the brief page and the home page', () => {
    expect(loadPage(out, 'zh/mining-not-viable/index.html')('a.pdf-link').attr('href')).toBe('mining-not-viable.pdf')
    expect(loadPage(out, 'index.html')('a.pdf-link').attr('href')).toBe('zh/mining-not-viable/mining-not-viable.pdf')
  })
})

describe('the command line as a process', () => {
  it('exits 2 with a hint on an unknown flag', async () => {
    const failed = await run(process.execPath, [path.join(root, 'bin', 'briefkit.js'), 'build', '--bogus'], {
      cwd: root,
    }).catch((e: { code: number; stderr: string }) => e)
    expect(failed).toMatchObject({ code: 2 })
    expect((failed as { stderr: string }).stderr).toMatch(/Unknown option '--bogus'[\s\S]*hint/)
  })
})
