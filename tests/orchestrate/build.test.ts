import fs from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { build } from '../../src/orchestrate/build.ts'
import { copySite } from '../helpers/sites.ts'

// Real Chromium for the first build; the builds without PDFs take them from the build cache.
describe('build without PDFs (--no-pdf)', () => {
  const site = copySite('unseen')
  const pdf = path.join(site.out, 'en', 'urban-trees', 'urban-trees.pdf')
  const page = path.join(site.out, 'en', 'urban-trees', 'index.html')
  const home = path.join(site.out, 'en', 'index.html')
  let printed: Buffer

  beforeAll(async () => {
    const result = await build({ contentDir: site.content, outDir: site.out })
    expect(result.pdfsPrinted).toBe(1)
    printed = fs.readFileSync(pdf)
  }, 60_000)

  it('regression: keeps a PDF whose brief is unchanged (--no-pdf used to delete every PDF), and links it', async () => {
    const warnings: string[] = []
    const result = await build({
      contentDir: site.content,
      outDir: site.out,
      pdf: false,
      onWarning: (w) => warnings.push(w),
    })
    expect(result.pdfs).toEqual(['en/urban-trees/urban-trees.pdf'])
    expect({ reused: result.pdfsReused, printed: result.pdfsPrinted }).toEqual({ reused: 1, printed: 0 })
    expect(fs.readFileSync(pdf).equals(printed)).toBe(true)
    expect(fs.readFileSync(page, 'utf8')).toContain('href="urban-trees.pdf"')
    expect(fs.readFileSync(home, 'utf8')).toContain('urban-trees/urban-trees.pdf')
    expect(warnings).toEqual([])
  })

  it('drops a PDF whose brief changed, with a warning naming it; no page links to it', async () => {
    const brief = path.join(site.content, 'urban-trees', 'brief.md')
    fs.writeFileSync(brief, fs.readFileSync(brief, 'utf8').replace(/^title: (.*)$/m, 'title: $1 (revised)'))
    const warnings: string[] = []
    const result = await build({
      contentDir: site.content,
      outDir: site.out,
      pdf: false,
      onWarning: (w) => warnings.push(w),
    })
    expect(result.pdfs).toEqual([])
    expect(fs.existsSync(pdf)).toBe(false)
    expect(warnings).toEqual([
      '`en/urban-trees/urban-trees.pdf` is left out: its brief changed since it was printed (build without `--no-pdf` to print it)',
    ])
    expect(fs.readFileSync(page, 'utf8')).not.toContain('.pdf"')
    expect(fs.readFileSync(home, 'utf8')).not.toContain('.pdf"')
  })
})
