import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadBibliography } from '../../src/content/bibliography.ts'
import { sharedBibliography } from '../helpers/fixtures.ts'

function bibFile(name: string, text: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'briefkit-bib-'))
  const file = path.join(dir, name)
  fs.writeFileSync(file, text)
  return file
}

describe('loadBibliography', () => {
  it('reads BibTeX into CSL items and maps langid to a CSL language', () => {
    const { items, file } = loadBibliography(sharedBibliography)
    expect(file?.messages).toEqual([])
    expect(items.get('wang2022zh')?.['language']).toBe('zh-CN')
    expect(items.get('smith2020heat')?.['language']).toBe('en-US')
    expect(items.get('smith2020heat')?.['DOI']).toBe('10.1234/example.2020.1')
  })

  it('keeps an institution in double braces as one literal name', () => {
    const { items } = loadBibliography(sharedBibliography)
    expect(items.get('unused2018')?.['author']).toEqual([{ literal: 'Example Agency' }])
  })

  it('knows the line of each entry', () => {
    expect(loadBibliography(sharedBibliography).pointOf('lee2019canopy')).toMatchObject({ line: 12, column: 1 })
  })

  it('reports malformed BibTeX with its line and column', () => {
    const file = bibFile('references.bib', '@article{a,\n  title = {A},\n  author = {B}\n  year = {2020},\n}\n')
    const { file: vfile } = loadBibliography(file)
    expect(vfile?.messages[0]).toMatchObject({ line: 4, column: 3, ruleId: 'invalid-bibliography', fatal: true })
    expect(vfile?.messages[0]?.reason).toMatch(/^Invalid BibTeX/)
  })

  it('rejects `and others` with a message', () => {
    const { file } = loadBibliography(
      bibFile('references.bib', '@book{x,\n  author = {Smith, A. and others},\n  title = {T},\n  date = {2020},\n}\n'),
    )
    expect(file?.messages[0]).toMatchObject({ ruleId: 'and-others', line: 1 })
  })

  it("keeps `number` on @online and @report, and a law's journal title", () => {
    const { items } = loadBibliography(
      bibFile(
        'references.bib',
        [
          '@online{web,\n  author = {{Agency}},\n  title = {Index},\n  number = {IDX-7},\n  url = {https://example.org},\n}',
          '@report{rep,\n  author = {{Ministry}},\n  title = {Notice},\n  number = {No. 1283},\n  institution = {Ministry},\n  date = {2021},\n}',
          '@legislation{law,\n  title = {Regulation 2023/1114},\n  journaltitle = {Official Journal of the European Union},\n  date = {2023-06-09},\n}',
        ].join('\n\n'),
      ),
    )
    expect(items.get('web')?.['number']).toBe('IDX-7')
    expect(items.get('rep')?.['number']).toBe('No. 1283')
    expect(items.get('law')?.['container-title']).toBe('Official Journal of the European Union')
    const article = loadBibliography(sharedBibliography).items.get('smith2020heat')
    expect([article?.['issue'], article?.['number']]).toEqual(['3', undefined])
  })

  it('accepts CSL-YAML as it is', () => {
    const { items, file } = loadBibliography(
      bibFile('references.yaml', '- id: y\n  type: report\n  title: Y\n  language: zh-CN\n'),
    )
    expect(file?.messages).toEqual([])
    expect(items.get('y')).toMatchObject({ type: 'report', title: 'Y', language: 'zh-CN' })
  })

  it('accepts CSL-JSON as it is, and reports invalid JSON with its place', () => {
    const good = loadBibliography(bibFile('references.json', JSON.stringify([{ id: 'k', type: 'book', title: 'T' }])))
    expect(good.items.get('k')?.['title']).toBe('T')
    const bad = loadBibliography(bibFile('references.json', '[{"id": "k",,}]'))
    expect(bad.file?.messages[0]).toMatchObject({ ruleId: 'invalid-bibliography', line: 1 })
  })
})

describe('loadBibliography on odd input', () => {
  it('reports a key defined twice at both entries (the last used to win silently)', () => {
    const { file } = loadBibliography(
      bibFile(
        'references.bib',
        '@book{a,\n  title = {One},\n}\n\n@book{b,\n  title = {Two},\n}\n\n@book{a,\n  title = {Three},\n}\n',
      ),
    )
    expect(file?.messages.map((m) => [m.line, m.column, m.ruleId])).toEqual([
      [1, 1, 'duplicate-key'],
      [9, 1, 'duplicate-key'],
    ])
    expect(file?.messages[0]?.reason).toBe('Key `a` is defined more than once (also at line 9)')
  })

  it('reports a CSL-YAML field of the wrong type at the field, and leaves the entry out', () => {
    const { file, items } = loadBibliography(
      bibFile(
        'references.yaml',
        '- id: ok\n  title: Fine\n- id: orwell\n  title: 1984\n- id: farm\n  author: Orwell\n',
      ),
    )
    expect(file?.messages.map((m) => [m.line, m.column, m.ruleId])).toEqual([
      [4, 10, 'invalid-bibliography'],
      [6, 11, 'invalid-bibliography'],
    ])
    expect([...items.keys()]).toEqual(['ok'])
  })

  it('reports a CSL-JSON field of the wrong type at its entry', () => {
    const { file } = loadBibliography(
      bibFile('references.json', '[\n {"id": "ok", "title": "T"},\n {"id": "bad", "issued": 2020}\n]'),
    )
    expect(file?.messages).toMatchObject([{ line: 3, ruleId: 'invalid-bibliography' }])
    expect(file?.messages[0]?.reason).toMatch(/`issued` should be a date/)
  })

  it('reports an unresolved alias in CSL-YAML as invalid YAML', () => {
    const { file } = loadBibliography(bibFile('references.yaml', '- id: a\n  title: *nope\n'))
    expect(file?.messages).toMatchObject([{ line: 2, column: 10, ruleId: 'invalid-yaml' }])
  })
})

describe("loadBibliography of a file a brief's editions share", () => {
  const entry = (title: string) =>
    `@book{doe2020,\n  author = {Doe, Jane},\n  title = {${title}},\n  date = {2020},\n}\n`

  it('gives each reading works of its own', () => {
    const file = bibFile('references.bib', entry('Heat in Cities'))
    const first = loadBibliography(file)
    first.items.get('doe2020')!['title'] = 'Changed by the first edition'
    const second = loadBibliography(file)
    expect(second.items.get('doe2020')?.['title']).toBe('Heat in Cities')
    expect(second.items).not.toBe(first.items)
    expect(second.file).not.toBe(first.file)
    expect(second.file?.value).toBe(first.file?.value)
    expect(second.pointOf('doe2020')).toEqual({ line: 1, column: 1, offset: 0 })
  })

  it('reads the text again when the file changed between two readings', () => {
    const file = bibFile('references.bib', entry('Heat in Cities'))
    expect(loadBibliography(file).items.get('doe2020')?.['title']).toBe('Heat in Cities')
    fs.writeFileSync(file, `\n${entry('Water in Deserts')}`)
    const again = loadBibliography(file)
    expect(again.items.get('doe2020')?.['title']).toBe('Water in Deserts')
    expect(again.pointOf('doe2020')).toMatchObject({ line: 2 })
  })

  it('reports the problems of a file on each reading', () => {
    const file = bibFile('references.bib', `${entry('Heat in Cities')}${entry('Heat again')}`)
    const rules = () => loadBibliography(file).file?.messages.map((m) => m.ruleId)
    expect(rules()).toEqual(['duplicate-key', 'duplicate-key'])
    expect(rules()).toEqual(['duplicate-key', 'duplicate-key'])
  })
})
