import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { compileSite } from '../../src/orchestrate/compile-site.ts'
import { resolveRunOptions } from '../../src/orchestrate/options.ts'
import { collectDiagnostics } from '../../src/reporting/report.ts'
import { copySite } from '../helpers/sites.ts'

const compile = (contentDir: string) => compileSite(resolveRunOptions({ contentDir, pdf: false }))

describe('compileSite', () => {
  it('compiles every brief, with the text of its sources, and takes them from the cache the second time', () => {
    const site = copySite('unseen')
    const first = compile(site.content)
    expect(first.config?.contentDir).toBe(site.content)
    expect(first.briefs.map((b) => `${b.lang}/${b.slug}`)).toEqual(['en/urban-trees'])
    expect(first.briefs[0]?.sources[0]).toEqual({
      path: path.join(site.content, 'urban-trees', 'brief.md'),
      text: fs.readFileSync(path.join(site.content, 'urban-trees', 'brief.md'), 'utf8'),
    })
    expect(first.cachedBriefs).toBe(0)
    const second = compile(site.content)
    expect(second.cachedBriefs).toBe(1)
    expect(second.briefs).toEqual(first.briefs)
  })

  it('returns its problems, and no cache, when site.yaml has errors', () => {
    const site = copySite('unseen')
    fs.writeFileSync(path.join(site.content, 'site.yaml'), 'title: x\nbaseUrl: ftp://example.org\n')
    const compiled = compile(site.content)
    expect(compiled.config).toBeUndefined()
    expect(compiled.cache).toBeUndefined()
    expect(collectDiagnostics(compiled.problems).map((d) => `${path.basename(d.file)}:${d.line}`)).toEqual([
      'site.yaml:2',
    ])
  })

  it("compiles without the theme: the compiled HTML holds label slots, not the theme's words", () => {
    const site = copySite('unseen')
    const [brief] = compile(site.content).briefs
    const html = brief?.introHtml ?? ''
    expect(html).toContain('\uE000footnotes\uE000')
    expect(html).not.toMatch(/>Notes</)
  })
})
