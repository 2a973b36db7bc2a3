import { VFile } from 'vfile'
import { describe, expect, it } from 'vitest'
import { checkArgumentIds, idFromFileName, withArgumentId } from '../../src/content/argument-id.ts'
import type { MarkdownDoc } from '../../src/content/markdown-file.ts'
import { argumentSchema, type WrittenArgumentMeta } from '../../src/core/front-matter.ts'
import { parseYaml } from '../../src/core/yaml.ts'

function doc(file: string, yaml: string): MarkdownDoc<WrittenArgumentMeta> {
  const vfile = new VFile({ path: `/brief/arguments/${file}` })
  const located = parseYaml(yaml, vfile, 2)!
  return { file: vfile, tree: { type: 'root', children: [] }, yaml: located, meta: argumentSchema.parse(located.data) }
}

describe('idFromFileName', () => {
  it('drops the extension and the number that orders the file', () => {
    expect(idFromFileName('/x/arguments/01-policy.md')).toBe('policy')
    expect(idFromFileName('2_cost.md')).toBe('cost')
    expect(idFromFileName('a-equity.md')).toBe('a-equity')
    expect(idFromFileName('03 grid fees.md')).toBe('grid-fees')
    expect(idFromFileName('07.md')).toBe('07')
  })
})

describe('argument ids', () => {
  it('fills the id from the file name unless front matter names one', () => {
    expect(withArgumentId(doc('01-policy.md', 'kind: a\ntitle: T\nclaim: C\n')).meta.id).toBe('policy')
    expect(withArgumentId(doc('01-policy.md', 'kind: a\ntitle: T\nclaim: C\nid: rules\n')).meta.id).toBe('rules')
  })

  it('reports a second argument with the same id, at its `id:` or at its first line', () => {
    const args = [
      doc('01-policy.md', 'kind: a\ntitle: T\nclaim: C\n'),
      doc('02-rules.md', 'kind: a\ntitle: T\nclaim: C\nid: policy\n'),
      doc('03-policy.md', 'kind: a\ntitle: T\nclaim: C\n'),
    ].map(withArgumentId)
    checkArgumentIds(args)
    expect(args.flatMap((a) => a.file.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.reason}`))).toEqual([
      '5:5 duplicate-argument-id Argument id `policy` is also the id of 01-policy.md',
      '1:1 duplicate-argument-id Argument id `policy` is also the id of 01-policy.md',
    ])
  })
})
