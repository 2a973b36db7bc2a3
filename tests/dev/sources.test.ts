import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { readLayout, watchRoots } from '../../src/dev/sources.ts'
import { packagedTemplatesDir } from '../../src/theme/theme.ts'
import { copySite } from '../helpers/sites.ts'

describe('what the dev server watches', () => {
  it('the content folder and the theme, with the themes it extends', () => {
    const site = copySite('unseen')
    const layout = readLayout(site.content, site.out)
    expect(layout.languages).toEqual(['en'])
    expect(layout.themeDirs).toEqual([path.join(packagedTemplatesDir, 'default')])
    fs.appendFileSync(path.join(site.content, 'site.yaml'), 'theme: report\n')
    const report = readLayout(site.content, site.out, layout)
    expect(report.themeDirs).toEqual([
      path.join(packagedTemplatesDir, 'report'),
      path.join(packagedTemplatesDir, 'default'),
    ])
    expect(watchRoots(report)).toEqual(
      [site.content, path.join(packagedTemplatesDir, 'default'), path.join(packagedTemplatesDir, 'report')].sort(),
    )
  })

  it('keeps the last layout while site.yaml does not load', () => {
    const site = copySite('unseen')
    const layout = readLayout(site.content, site.out)
    fs.writeFileSync(path.join(site.content, 'site.yaml'), 'title: [unclosed\n')
    expect(readLayout(site.content, site.out, layout)).toBe(layout)
  })

  it('leaves out a folder inside another', () => {
    const layout = {
      contentDir: '/s/content',
      outDir: '/s/dist',
      languages: [],
      themeDirs: ['/s/templates/x'],
      styleDirs: ['/s/content/_styles'],
    }
    expect(watchRoots(layout)).toEqual([path.resolve('/s/content'), path.resolve('/s/templates/x')])
  })
})
