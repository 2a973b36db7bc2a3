import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { beforeAll, describe, expect, it } from 'vitest'
import { brokenLinks, htmlFiles, loadPage } from '../helpers/html.ts'

const run = promisify(execFile)
const root = path.resolve(import.meta.dirname, '..', '..')
const briefPage = 'zh/mining-not-viable/index.html'

// The sample brief, built by the real command line in a child process, into a temp dir.
describe('building the sample', () => {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'briefkit-sample-')), 'dist')
  let stderr = ''

  beforeAll(async () => {
    const result = await run(process.execPath, [path.join(root, 'bin', 'briefkit.js'), 'build', '--content', path.join(root, 'content'), '--out', out], { cwd: root })
    stderr = result.stderr
  })

  it('builds without errors or warnings', () => {
    expect(stderr).toMatch(/briefkit: built \d+ pages from 1 brief/)
    expect(stderr).not.toMatch(/error|warning/)
  })

  it('writes the home page and the brief page, in Chinese', () => {
    expect(fs.existsSync(path.join(out, 'index.html'))).toBe(true)
    const $ = loadPage(out, briefPage)
    expect($('html').attr('lang')).toBe('zh')
    expect($('h1').text()).toBe('虚拟货币为什么不能挖矿')
  })

  it('has the five arguments in order, each with a claim', () => {
    const $ = loadPage(out, briefPage)
    const kinds = $('section.argument').map((_, el) => $(el).attr('data-kind')).get()
    expect(kinds).toEqual(['policy', 'environment', 'economics', 'centralization', 'value'])
    $('section.argument').each((_, el) => {
      expect($(el).find('.claim').text().trim().length).toBeGreaterThan(10)
    })
  })

  it('has at least 10 citation links, each resolving to an entry of the reference list', () => {
    const $ = loadPage(out, briefPage)
    const links = $('a.citation, .citation a').map((_, el) => $(el).attr('href')).get()
    expect(links.length).toBeGreaterThanOrEqual(10)
    const entries = new Set($('.reference-list > li').map((_, el) => $(el).attr('id')).get())
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

  it('shows the editor\'s notes', () => {
    const $ = loadPage(out, briefPage)
    expect($('.callout-note .callout-title').first().text()).toBe('编者注')
  })

  it('leaves no citation syntax on any page and no broken internal link', () => {
    for (const page of htmlFiles(out)) expect(fs.readFileSync(path.join(out, page), 'utf8'), page).not.toContain('[@')
    expect(brokenLinks(out)).toEqual([])
  })

  it('ships the CJK web font and the styles', () => {
    const $ = loadPage(out, briefPage)
    for (const href of $('link[rel=stylesheet]').map((_, el) => $(el).attr('href')).get()) {
      expect(fs.existsSync(path.join(out, 'zh/mining-not-viable', href)), href).toBe(true)
    }
    expect(fs.readFileSync(path.join(out, 'assets/fonts/font-1.css'), 'utf8')).toContain("font-family: 'Noto Sans SC'")
  })
})

describe('the command line as a process', () => {
  it('exits 2 with a hint on an unknown flag', async () => {
    const failed = await run(process.execPath, [path.join(root, 'bin', 'briefkit.js'), 'build', '--bogus'], { cwd: root }).catch((e: { code: number; stderr: string }) => e)
    expect(failed).toMatchObject({ code: 2 })
    expect((failed as { stderr: string }).stderr).toMatch(/Unknown option '--bogus'[\s\S]*hint/)
  })
})
