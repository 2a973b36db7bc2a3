import { VFile } from 'vfile'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { parseYaml, validateYaml } from '../../src/content/yaml.ts'

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
    expect(file.messages[0]).toMatchObject({ reason: 'Missing required field `title` in brief.md', ruleId: 'missing-field' })
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
    expect(file.messages[0]).toMatchObject({ reason: 'Unknown field `sumary` in brief.md', line: 2, column: 1, ruleId: 'unknown-field' })
  })
})
