import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadConfig } from '../../src/config/resolve.ts'

function contentWith(siteYaml: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'briefkit-config-'))
  fs.writeFileSync(path.join(dir, 'site.yaml'), siteYaml)
  return dir
}

describe('loadConfig', () => {
  it('fills every default', () => {
    const { config, file } = loadConfig(contentWith('title: T\nbaseUrl: https://x.example/briefs\n'))
    expect(file.messages).toEqual([])
    expect(config).toMatchObject({
      languages: ['zh'],
      theme: 'default',
      baseUrl: 'https://x.example/briefs/',
      csl: undefined,
      paper: 'A4',
    })
    expect(config?.argumentKinds.map((k) => k.id)).toEqual([
      'policy',
      'environment',
      'economics',
      'centralization',
      'value',
    ])
  })

  it("takes the site's own argument kinds", () => {
    const { config } = loadConfig(
      contentWith(
        'title: T\nbaseUrl: https://x.example/\nargumentKinds:\n  - id: cost\n    label: {en: Cost, zh: 成本}\n',
      ),
    )
    expect(config?.argumentKinds).toEqual([{ id: 'cost', label: { en: 'Cost', zh: '成本' } }])
  })

  it('reports an unknown theme at its line, naming the ones there are', () => {
    const { config, file } = loadConfig(contentWith('title: T\nbaseUrl: https://x.example/\ntheme: fancy\n'))
    expect(config).toBeUndefined()
    expect(file.messages[0]).toMatchObject({ line: 3, column: 8, ruleId: 'unknown-theme' })
    expect(file.messages[0]?.note).toContain('`default`')
  })

  it('reports an unknown field and a bad URL', () => {
    const { file } = loadConfig(contentWith('title: T\nbaseUrl: not a url\nlanguagez: [en]\n'))
    expect(file.messages.map((m) => [m.line, m.column, m.ruleId]).sort()).toEqual([
      [2, 10, 'invalid-field'],
      [3, 1, 'unknown-field'],
    ])
  })

  it.each(['javascript:alert(1)//', 'data:text/html,x', 'ftp://x.example/'])(
    'refuses a baseUrl that is not http(s): %s (it landed in canonical links)',
    (url) => {
      const { config, file } = loadConfig(contentWith(`title: T\nbaseUrl: "${url}"\n`))
      expect(config).toBeUndefined()
      expect(file.messages).toMatchObject([{ line: 2, column: 10, ruleId: 'invalid-field', fatal: true }])
      expect(file.messages[0]?.reason).toMatch(/expected an http:\/\/ or https:\/\/ address/)
    },
  )

  it('reports a `cslStyles:` that is a file, not a folder, at its field', () => {
    const { config, file } = loadConfig(contentWith('title: T\nbaseUrl: https://x.example/\ncslStyles: site.yaml\n'))
    expect(config).toBeUndefined()
    expect(file.messages).toMatchObject([{ line: 3, column: 12, ruleId: 'unknown-style' }])
  })
})
