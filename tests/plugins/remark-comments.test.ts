import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkFixtures, fixturesDir, runUnit } from '../helpers/fixtures.ts'

const dir = path.join(fixturesDir, 'remark-comments')

describe('remarkComments', () => {
  it('matches every fixture', () => {
    expect(checkFixtures(dir, (input) => runUnit(input)).length).toBe(2)
  })

  it("leaves no trace of a comment between paragraphs (regression: a comment changed the page's bytes)", () => {
    const withComment = runUnit(path.join(dir, 'between-paragraphs', 'input.md')).html
    const scratch = path.join(fs.mkdtempSync(path.join(fs.realpathSync('/tmp'), 'briefkit-comments-')), 'input.md')
    fs.writeFileSync(scratch, '第一段。\n\n第二段。\n')
    expect(withComment).toBe(runUnit(scratch).html)
  })

  it('drops a comment inside a paragraph and whatever it holds', () => {
    const { html } = runUnit(path.join(dir, 'inline-and-script-like', 'input.md'))
    expect(html).not.toMatch(/not for readers|script|alert/)
    expect(html).toContain('After.')
  })
})
