import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkSite } from '../../src/orchestrate/check.ts'
import { resolveRunOptions } from '../../src/orchestrate/options.ts'
import { copySite } from '../helpers/sites.ts'

const check = (contentDir: string, pdf: boolean) => checkSite(resolveRunOptions({ contentDir, pdf, write: false }))

describe('checkSite', () => {
  it('returns a site ready to write when nothing is wrong, every brief with a PDF when printing', async () => {
    const site = copySite('unseen')
    const { diagnostics, ready } = await check(site.content, true)
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([])
    expect(ready?.briefs.map((b) => b.slug)).toEqual(['urban-trees'])
    expect(ready?.withPdfs.size).toBe(1)
    expect(ready?.printPages.map((p) => p.page.path)).toEqual(['en/urban-trees/print.html'])
  })

  it('reports a link to a page the site does not have, from the rendered site, and is not ready', async () => {
    const site = copySite('unseen')
    const brief = path.join(site.content, 'urban-trees', 'brief.md')
    fs.appendFileSync(brief, '\nSee [the other brief](../no-such-brief/).\n')
    const { diagnostics, ready } = await check(site.content, false)
    expect(diagnostics.filter((d) => d.ruleId === 'dead-link').map((d) => path.basename(d.file))).toEqual(['brief.md'])
    expect(ready).toBeUndefined()
  })
})
