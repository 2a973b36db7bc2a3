import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadConfig } from '../../src/config/resolve.ts'
import { checkSlug, discoverBriefs } from '../../src/content/discover.ts'

describe('discoverBriefs', () => {
  it('finds briefs and their translations, skips `_` folders, and reports a folder without brief.md', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'briefkit-discover-'))
    fs.writeFileSync(path.join(dir, 'site.yaml'), 'title: T\nbaseUrl: https://x.example/\nlanguages: [zh, en]\n')
    for (const folder of ['a', 'a/en', '_drafts', 'b']) fs.mkdirSync(path.join(dir, folder), { recursive: true })
    for (const file of ['a/brief.md', 'a/en/brief.md', '_drafts/brief.md'])
      fs.writeFileSync(path.join(dir, file), '---\n---\n')
    const { config } = loadConfig(dir)
    const { briefs, problems } = discoverBriefs(config!)
    expect(briefs.map((b) => [b.slug, b.translationLang])).toEqual([
      ['a', undefined],
      ['a', 'en'],
    ])
    expect(briefs[1]?.rootDir).toBe(path.join(dir, 'a'))
    expect(problems.map((f) => [path.relative(dir, f.path), f.messages[0]?.ruleId])).toEqual([
      ['b/brief.md', 'missing-file'],
    ])
  })

  it('follows a linked brief folder inside the content folder, and refuses one that leads outside', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'briefkit-discover-'))
    const away = fs.mkdtempSync(path.join(os.tmpdir(), 'briefkit-away-'))
    fs.writeFileSync(path.join(dir, 'site.yaml'), 'title: T\nbaseUrl: https://x.example/\n')
    for (const folder of [path.join(dir, '_real'), away]) {
      fs.mkdirSync(folder, { recursive: true })
      fs.writeFileSync(path.join(folder, 'brief.md'), '---\n---\n')
    }
    fs.symlinkSync('_real', path.join(dir, 'inside'))
    fs.symlinkSync(away, path.join(dir, 'outside'))
    const { briefs, problems } = discoverBriefs(loadConfig(dir).config!)
    expect(briefs.map((b) => b.slug)).toEqual(['inside'])
    expect(problems.map((f) => [path.relative(dir, f.path), f.messages[0]?.ruleId])).toEqual([
      ['outside/brief.md', 'file-outside-content'],
    ])
  })
})

describe('checkSlug', () => {
  const config = { languages: ['zh', 'en'] as const }
  it.each([
    'feed.xml',
    'assets',
    'kinds',
    'media',
    'pagefind',
    'index.html',
    '404.html',
    'sitemap.xml',
    'robots.txt',
    'zh',
    'EN',
    'a b',
    'a/b',
    '-x',
    'x.',
    'a%2F',
    '碳 税',
    '.hidden',
  ])('refuses %s', (name) => {
    expect(checkSlug(name, config)).toBeDefined()
  })

  it.each(['carbon-tax', 'policy_2025', 'v1.2', 'A1', '碳税', 'café-crème'])('accepts %s', (name) => {
    expect(checkSlug(name, config)).toBeUndefined()
  })
})
