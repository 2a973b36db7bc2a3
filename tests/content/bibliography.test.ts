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
    const { file } = loadBibliography(bibFile('references.bib', '@book{x,\n  author = {Smith, A. and others},\n  title = {T},\n  date = {2020},\n}\n'))
    expect(file?.messages[0]).toMatchObject({ ruleId: 'and-others', line: 1 })
  })

  it('keeps `number` on @online and @report, and a law\'s journal title', () => {
    const { items } = loadBibliography(bibFile('references.bib', [
      '@online{web,\n  author = {{Agency}},\n  title = {Index},\n  number = {IDX-7},\n  url = {https://example.org},\n}',
      '@report{rep,\n  author = {{Ministry}},\n  title = {Notice},\n  number = {No. 1283},\n  institution = {Ministry},\n  date = {2021},\n}',
      '@legislation{law,\n  title = {Regulation 2023/1114},\n  journaltitle = {Official Journal of the European Union},\n  date = {2023-06-09},\n}',
    ].join('\n\n')))
    expect(items.get('web')?.['number']).toBe('IDX-7')
    expect(items.get('rep')?.['number']).toBe('No. 1283')
    expect(items.get('law')?.['container-title']).toBe('Official Journal of the European Union')
    const article = loadBibliography(sharedBibliography).items.get('smith2020heat')
    expect([article?.['issue'], article?.['number']]).toEqual(['3', undefined])
  })

  it('accepts CSL-YAML as it is', () => {
    const { items, file } = loadBibliography(bibFile('references.yaml', '- id: y\n  type: report\n  title: Y\n  language: zh-CN\n'))
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
