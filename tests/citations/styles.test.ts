import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  cslLanguage,
  defaultStyleId,
  findStyle,
  hasStyle,
  loadStyle,
  readLocale,
  suggestStyles,
} from '../../src/citations/styles.ts'

describe('CSL styles', () => {
  it("defaults to briefkit's own bilingual GB/T 7714 numeric for Chinese and Chicago author-date otherwise", () => {
    expect(defaultStyleId('zh')).toBe('briefkit-gb-t-7714-2015-numeric')
    expect(defaultStyleId('en')).toBe('chicago-author-date')
    expect(loadStyle(defaultStyleId('zh')).numeric).toBe(true)
    expect(loadStyle(defaultStyleId('en')).numeric).toBe(false)
  })

  it("finds a site's own styles by id, before briefkit's and the installed ones", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'briefkit-csl-'))
    fs.writeFileSync(path.join(dir, 'house-style.csl'), loadStyle('apa').xml)
    expect(findStyle('house-style', '/', [dir]).style?.numeric).toBe(false)
    expect(findStyle('house-style', '/', []).style).toBeUndefined()
    expect(findStyle('hous-style', '/', [dir]).suggestions).toContain('house-style')
    expect(findStyle(path.join(dir, 'house-style.csl'), '/', []).style?.xml).toContain('<style')
  })

  it('suggests close ids for an unknown style', () => {
    expect(hasStyle('chicago-autor-date')).toBe(false)
    expect(suggestStyles('chicago-autor-date')).toContain('chicago-author-date')
  })

  it('follows a dependent style to its parent', () => {
    const style = loadStyle('nature-communications')
    expect(style.id).toBe('nature-communications')
    expect(style.xml).toContain('<citation')
  })

  it('maps content languages to CSL locales', () => {
    expect(cslLanguage('zh')).toBe('zh-CN')
    expect(readLocale('zh')).toContain('xml:lang="zh-CN"')
    expect(readLocale('en')).toContain('xml:lang="en-US"')
    expect(readLocale('xx')).toBeUndefined()
  })
})
