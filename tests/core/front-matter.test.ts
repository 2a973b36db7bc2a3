import { VFile } from 'vfile'
import { describe, expect, it } from 'vitest'
import { argumentSchema, briefSchema } from '../../src/core/front-matter.ts'
import { isOrcid } from '../../src/core/publication.ts'
import { parseYaml, validateYaml } from '../../src/core/yaml.ts'

const base = 'title: A\nauthors:\n  - name: Ada Example\ndate: 2026-10-01\nlang: en\nsummary: S.\n'

function validate(extra: string) {
  const file = new VFile({ path: 'brief.md' })
  const meta = validateYaml(parseYaml(base + extra, file)!, briefSchema, file, 'brief.md')
  return { meta, messages: file.messages }
}

describe('isOrcid', () => {
  it('checks the ISO 7064 MOD 11-2 check digit', () => {
    expect(isOrcid('0000-0002-1825-0097')).toBe(true)
    expect(isOrcid('0000-0002-1825-0098')).toBe(false)
    expect(isOrcid('0000-0002-1694-233X')).toBe(true)
    expect(isOrcid('0000-0002-1694-2330')).toBe(false)
    expect(isOrcid('https://orcid.org/0000-0002-1825-0097')).toBe(false)
    expect(isOrcid('0000000218250097')).toBe(false)
  })
})

describe('briefSchema: authors', () => {
  it('accepts a valid ORCID iD and refuses a wrong check digit at its field', () => {
    const author = (orcid: string) =>
      `title: A\nauthors:\n  - name: Ada Example\n    orcid: ${orcid}\n    email: ada@example.org\n    corresponding: true\ndate: 2026-10-01\nlang: en\nsummary: S.\n`
    const ok = new VFile({ path: 'brief.md' })
    const meta = validateYaml(parseYaml(author('0000-0002-1825-0097'), ok)!, briefSchema, ok, 'brief.md')
    expect(meta?.authors[0]).toEqual({
      name: 'Ada Example',
      orcid: '0000-0002-1825-0097',
      email: 'ada@example.org',
      corresponding: true,
    })
    const bad = new VFile({ path: 'brief.md' })
    expect(validateYaml(parseYaml(author('0000-0002-1825-0098'), bad)!, briefSchema, bad, 'brief.md')).toBeUndefined()
    expect(bad.messages).toHaveLength(1)
    expect(bad.messages[0]).toMatchObject({ ruleId: 'invalid-field', line: 4, column: 12 })
    expect(bad.messages[0]?.reason).toMatch(/Invalid `authors\.0\.orcid`.*check digit/)
  })

  it('refuses an email without a domain', () => {
    const file = new VFile({ path: 'brief.md' })
    const text = base.replace('Ada Example\n', 'Ada Example\n    email: ada@\n')
    expect(validateYaml(parseYaml(text, file)!, briefSchema, file, 'brief.md')).toBeUndefined()
    expect(file.messages[0]?.reason).toMatch(/`authors\.0\.email`/)
  })
})

describe('briefSchema: publication details', () => {
  it('reads series, number, DOI, licence, version, updated and errata', () => {
    const { meta, messages } = validate(
      [
        'series: Northern Heat Policy Notes',
        'number: NHP-2026-07',
        'doi: 10.5281/zenodo.1234567',
        'license: CC-BY-4.0',
        'version: "1.1"',
        'updated: 2026-10-20',
        'errata:',
        '  - date: 2026-10-20',
        '    text: Corrected the growth from 13% to 11%.',
        '',
      ].join('\n'),
    )
    expect(messages).toEqual([])
    expect(meta).toMatchObject({
      series: 'Northern Heat Policy Notes',
      number: 'NHP-2026-07',
      doi: '10.5281/zenodo.1234567',
      license: 'CC-BY-4.0',
      version: '1.1',
      updated: '2026-10-20',
      errata: [{ date: '2026-10-20', text: 'Corrected the growth from 13% to 11%.' }],
    })
  })

  it('leaves errata empty when there are none', () => {
    expect(validate('').meta?.errata).toEqual([])
  })

  it('refuses a DOI that is not `10.xxxx/…`', () => {
    const { meta, messages } = validate('doi: https://doi.org/10.5281/zenodo.1\n')
    expect(meta).toBeUndefined()
    expect(messages[0]?.reason).toMatch(/Invalid `doi`.*10\.5281/)
    expect(messages[0]).toMatchObject({ line: 7 })
  })

  it('refuses an unknown licence and suggests the nearest', () => {
    const { messages } = validate('license: CC-BY-40\n')
    expect(messages[0]?.reason).toMatch(/unknown licence `CC-BY-40`\. Did you mean `CC-BY-4\.0`\?/)
    expect(validate('license: cc0-1.0\n').messages[0]?.reason).toMatch(/Did you mean `CC0-1\.0`\?/)
  })

  it('refuses an erratum without a date or with unknown fields', () => {
    expect(validate('errata:\n  - text: Fixed.\n').messages[0]?.reason).toMatch(/`errata\.0\.date`/)
    expect(validate('errata:\n  - date: 2026-02-30\n    text: Fixed.\n').messages[0]?.reason).toMatch(/no such day/)
    expect(validate('errata:\n  - date: 2026-10-20\n    text: A\n    page: 3\n').messages[0]?.reason).toMatch(
      /Unknown field `errata\.0\.page`/,
    )
  })

  it('refuses an `updated` that is not a date', () => {
    expect(validate('updated: last week\n').messages[0]?.reason).toMatch(/Invalid `updated`/)
  })
})

describe('argumentSchema: the argument map', () => {
  const head = 'kind: cost\ntitle: T\nclaim: C.\n'
  function validateArgument(extra: string) {
    const file = new VFile({ path: '01-cost.md' })
    const meta = validateYaml(parseYaml(head + extra, file)!, argumentSchema, file, 'argument')
    return { meta, messages: file.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.reason}`) }
  }

  it('defaults to a pro argument that names no other', () => {
    expect(validateArgument('').meta).toMatchObject({ stance: 'pro', supports: [], attacks: [] })
    expect(validateArgument('').meta?.id).toBeUndefined()
  })

  it('reads an id, a stance and the arguments it supports and attacks', () => {
    expect(validateArgument('id: fees\nstance: con\nsupports: [a]\nattacks: [b, c]\n').meta).toMatchObject({
      id: 'fees',
      stance: 'con',
      supports: ['a'],
      attacks: ['b', 'c'],
    })
  })

  it('refuses a stance other than pro or con, and an id with a space, at their values', () => {
    expect(validateArgument('stance: against\n').messages).toEqual([
      expect.stringMatching(/^4:9 invalid-field Invalid `stance` in argument/),
    ])
    expect(validateArgument('supports: [my policy]\n').messages).toEqual([
      expect.stringMatching(/^4:12 invalid-field Invalid `supports.0` in argument: expected an id/),
    ])
  })
})

describe('briefSchema: thesis', () => {
  it('is optional markdown', () => {
    expect(validate('').meta?.thesis).toBeUndefined()
    expect(validate('thesis: Batteries first [@a].\n').meta?.thesis).toBe('Batteries first [@a].')
  })
})
