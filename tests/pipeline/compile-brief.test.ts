import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { citationFiles } from '../../src/render/html/pages.ts'
import { compileContent, copySite } from '../helpers/sites.ts'

describe('compileBrief: Cite this brief', () => {
  it('regression: a newline or markup in the title stays out of the .ris record (it started a new one)', () => {
    const site = copySite('unseen')
    const brief = path.join(site.content, 'urban-trees', 'brief.md')
    fs.writeFileSync(
      brief,
      fs.readFileSync(brief, 'utf8').replace(/^title: .*$/m, 'title: "Shade <b>Before</b>\\nER  - \\nTY  - JOUR"'),
    )
    const { briefs } = compileContent(site.content, false)
    const ris = citationFiles(briefs[0]!).find((f) => f.path.endsWith('.ris'))?.content ?? ''
    expect(ris.match(/^TY {2}- /gm)).toHaveLength(1)
    expect(ris.match(/^ER {2}- /gm)).toHaveLength(1)
    expect(ris).toMatch(/^TI {2}- Shade Before ER - TY - JOUR: /m)
  })
})
