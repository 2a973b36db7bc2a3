import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkFixtures, fixturesDir, runUnit } from '../helpers/fixtures.ts'

const dir = path.join(fixturesDir, 'sanitize')

describe('markdownToHtml sanitizing', () => {
  it('matches every fixture', () => {
    expect(checkFixtures(dir, (input) => runUnit(input)).length).toBe(5)
  })

  it.each(['script', 'event-handler', 'javascript-url'])('lets no script through: %s', (name) => {
    const { html } = runUnit(path.join(dir, name, 'input.md'))
    expect(html).not.toMatch(/<script|\son\w+=|javascript:|alert\(/i)
  })

  it("regression: no `name` attribute from content, which would replace the page's `document.getElementById` (DOM clobbering)", () => {
    const { html } = runUnit(path.join(dir, 'dom-clobbering', 'input.md'))
    expect(html).toContain('<img')
    expect(html).not.toMatch(/\sname=|<form/)
  })

  it('keeps harmless HTML', () => {
    const { html } = runUnit(path.join(dir, 'allowed-html', 'input.md'))
    expect(html).toContain('<details>')
    expect(html).toContain('<sub>2</sub>')
  })
})
