import { VFile } from 'vfile'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { parseYaml, validateYaml } from '../../src/core/yaml.ts'

describe('parseYaml', () => {
  it('reports a syntax error at its line in the file', () => {
    const file = new VFile({ path: 'brief.md' })
    expect(parseYaml('title: A\nauthors: [\n', file, 2)).toBeUndefined()
    expect(file.messages[0]).toMatchObject({ ruleId: 'invalid-yaml', fatal: true })
    expect(file.messages[0]?.line).toBeGreaterThanOrEqual(3)
  })

  it('knows where each value is', () => {
    const yaml = parseYaml('title: A\nlist:\n  - one\n  - two\n', new VFile(), 2)
    expect(yaml?.pointAt(['list', 1])).toEqual({ line: 5, column: 5 })
    expect(yaml?.pointAt(['missing'])).toEqual({ line: 2, column: 1 })
  })
})

describe('validateYaml', () => {
  const schema = z.strictObject({ title: z.string(), date: z.string().regex(/^\d{4}/) })

  it('names a missing required field', () => {
    const file = new VFile({ path: 'brief.md' })
    expect(validateYaml(parseYaml('date: "2020"\n', file)!, schema, file, 'brief.md')).toBeUndefined()
    expect(file.messages[0]).toMatchObject({
      reason: 'Missing required field `title` in brief.md',
      ruleId: 'missing-field',
    })
  })

  it('points an invalid value at its place', () => {
    const file = new VFile({ path: 'brief.md' })
    validateYaml(parseYaml('title: A\ndate: soon\n', file)!, schema, file, 'brief.md')
    expect(file.messages[0]).toMatchObject({ line: 2, column: 7, ruleId: 'invalid-field' })
  })
})

describe('validateYaml on an unknown field', () => {
  it('names the field at its place', () => {
    const file = new VFile({ path: 'brief.md' })
    const schema = z.strictObject({ title: z.string() })
    validateYaml(parseYaml('title: A\nsumary: typo\n', file)!, schema, file, 'brief.md')
    expect(file.messages[0]).toMatchObject({
      reason: 'Unknown field `sumary` in brief.md',
      line: 2,
      column: 1,
      ruleId: 'unknown-field',
    })
  })
})

describe('parseYaml and aliases', () => {
  it('reports an unresolved alias at the alias, not as an internal error', () => {
    const file = new VFile({ path: 'brief.md' })
    expect(parseYaml('lang: en\ntitle: *nope\n', file, 2)).toBeUndefined()
    expect(file.messages).toMatchObject([{ line: 3, column: 8, ruleId: 'invalid-yaml', fatal: true }])
    expect(file.messages[0]?.reason).toMatch(/refers to no anchor/)
  })

  it('refuses a billion laughs at its first alias', () => {
    const laughs = [
      'a0: &a0 [x, x, x, x, x, x, x, x, x]',
      ...Array.from({ length: 8 }, (_, i) => `a${i + 1}: &a${i + 1} [${Array(9).fill(`*a${i}`).join(', ')}]`),
    ].join('\n')
    const file = new VFile({ path: 'site.yaml' })
    expect(parseYaml(laughs, file)).toBeUndefined()
    expect(file.messages).toMatchObject([{ line: 2, column: 10, ruleId: 'invalid-yaml' }])
  })

  it('still takes a few aliases', () => {
    expect(parseYaml('a: &x [1, 2]\nb: *x\n', new VFile())?.data).toEqual({ a: [1, 2], b: [1, 2] })
  })
})
