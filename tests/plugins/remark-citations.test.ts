import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkFixtures, fixturesDir, runUnit } from '../helpers/fixtures.ts'

const dir = path.join(fixturesDir, 'remark-citations')

describe('remarkCitations', () => {
  it('matches every fixture', () => {
    expect(checkFixtures(dir, (input) => runUnit(input))).toContain('unknown-key')
  })

  it('reports an unknown key at its line and column with a did-you-mean', () => {
    const { messages } = runUnit(path.join(dir, 'unknown-key', 'input.md'))
    expect(messages[0]).toMatchObject({
      line: 1,
      column: 9,
      severity: 'error',
      ruleId: 'unknown-citation',
      hint: 'Did you mean `smith2020heat`?',
    })
    expect(messages[1]?.hint).not.toMatch(/Did you mean/)
    expect(messages[2]).toMatchObject({ line: 5, column: 16 })
  })

  it('leaves emails, links, escapes and code alone', () => {
    const { html, messages } = runUnit(path.join(dir, 'not-citations', 'input.md'))
    expect(messages).toEqual([])
    expect(html).not.toContain('class="citation"')
  })

  it('regression (fuzzing): a citation right after a web address, which takes its start into the link, is refused at its place', () => {
    const { messages } = runUnit(path.join(dir, 'after-web-address', 'input.md'))
    expect(messages).toEqual([
      expect.objectContaining({ line: 1, column: 16, severity: 'error', ruleId: 'citation-in-link' }),
      expect.objectContaining({ line: 5, column: 40, severity: 'error', ruleId: 'citation-in-link' }),
    ])
  })
})
