import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadConfig } from '../../src/config/resolve.ts'
import { discoverBriefs } from '../../src/content/discover.ts'

describe('discoverBriefs', () => {
  it('finds briefs and their translations, skips `_` folders, and reports a folder without brief.md', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'briefkit-discover-'))
    fs.writeFileSync(path.join(dir, 'site.yaml'), 'title: T\nbaseUrl: https://x.example/\nlanguages: [zh, en]\n')
    for (const folder of ['a', 'a/en', '_drafts', 'b']) fs.mkdirSync(path.join(dir, folder), { recursive: true })
    for (const file of ['a/brief.md', 'a/en/brief.md', '_drafts/brief.md']) fs.writeFileSync(path.join(dir, file), '---\n---\n')
    const { config } = loadConfig(dir)
    const { briefs, problems } = discoverBriefs(config!)
    expect(briefs.map((b) => [b.slug, b.translationLang])).toEqual([['a', undefined], ['a', 'en']])
    expect(briefs[1]?.rootDir).toBe(path.join(dir, 'a'))
    expect(problems.map((f) => [path.relative(dir, f.path), f.messages[0]?.ruleId])).toEqual([['b/brief.md', 'missing-file']])
  })
})
