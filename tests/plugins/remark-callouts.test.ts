import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkFixtures, fixturesDir, runUnit } from '../helpers/fixtures.ts'

const dir = path.join(fixturesDir, 'remark-callouts')

describe('remarkCallouts', () => {
  it('matches every fixture', () => {
    expect(checkFixtures(dir, (input) => runUnit(input)).length).toBeGreaterThan(3)
  })

  it('turns a titled note into an aside with its title', () => {
    const { html } = runUnit(path.join(dir, 'note-with-title', 'input.md'))
    expect(html).toContain('<aside class="callout callout-note"><p class="callout-title">编者注</p>')
  })

  it('keeps colons in ordinary text (regression: remark-directive ate `:this`)', () => {
    const { html } = runUnit(path.join(dir, 'stray-colons', 'input.md'))
    expect(html).toContain('3:2 and the time 10:30, note:this stays text.')
  })

  it('warns about an unknown directive and keeps its text', () => {
    const { html, messages } = runUnit(path.join(dir, 'unknown-directive', 'input.md'))
    expect(messages.map((m) => m.ruleId)).toEqual(['unknown-directive', 'unknown-directive'])
    expect(html).toContain('Inside.')
  })
})
