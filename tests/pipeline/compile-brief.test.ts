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

describe('compileBrief: English punctuation', () => {
  it("curls the quotes of an English brief's titles and of a section title a cross-reference shows", () => {
    const site = copySite('unseen')
    const dir = path.join(site.content, 'urban-trees')
    const edit = (file: string, from: RegExp, to: string) =>
      fs.writeFileSync(path.join(dir, file), fs.readFileSync(path.join(dir, file), 'utf8').replace(from, to))
    edit('brief.md', /^title: .*$/m, `title: '"Shade" -- the city''s cheapest cooling'`)
    edit('brief.md', /^subtitle: .*$/m, `subtitle: "A 'fixture' brief..."`)
    edit('arguments/b-cost.md', /^title: .*$/m, `title: It's cheap`)
    edit('arguments/b-cost.md', /^Planting costs/m, 'See @sec-upkeep. Planting costs')
    fs.appendFileSync(path.join(dir, 'conclusion.md'), '\n## "Upkeep" costs {#sec-upkeep}\n\nWater the trees.\n')
    const { briefs } = compileContent(site.content, false)
    const brief = briefs[0]!
    expect(brief.meta.title).toBe('“Shade” – the city’s cheapest cooling')
    expect(brief.meta.subtitle).toBe('A ‘fixture’ brief…')
    expect(brief.arguments.map((a) => a.title)).toContain('It’s cheap')
    expect(brief.citeThis.item.title).toBe('“Shade” – the city’s cheapest cooling: A ‘fixture’ brief…')
    expect(brief.conclusion?.html).toContain('>“Upkeep” costs</h')
    // Note: a section outside the arguments has no number; its reference shows its title.
    expect(brief.arguments.find((a) => a.title === 'It’s cheap')?.html).toContain('class="xref">“Upkeep” costs</a>')
  })
})

describe('compileBrief: English punctuation after the lints', () => {
  it('regression: a lint finding after a curled quote or a dash keeps its column (it fell back to the start of the line)', () => {
    const site = copySite('unseen')
    const line = 'The "original" said -- and... then. Mining uses 138 TWh a year.'
    fs.appendFileSync(path.join(site.content, 'urban-trees', 'arguments', 'b-cost.md'), `\n${line}\n`)
    const { problems, briefs } = compileContent(site.content, false)
    const found = problems.flatMap((file) => file.messages).filter((m) => m.ruleId === 'uncited-figure')
    expect(found.map((m) => m.column)).toEqual([line.indexOf('138') + 1])
    expect(briefs[0]?.arguments.map((a) => a.html).join('')).toContain('The “original” said – and… then.')
  })
})
