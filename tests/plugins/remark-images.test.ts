import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkFixtures, fixturesDir, runUnit } from '../helpers/fixtures.ts'

const dir = path.join(fixturesDir, 'remark-images')

describe('remarkImages', () => {
  it('matches every fixture', () => {
    expect(checkFixtures(dir, (input) => runUnit(input)).length).toBe(4)
  })

  it('points a local image at its copy under media/', () => {
    expect(runUnit(path.join(dir, 'local', 'input.md')).html).toContain('src="../../media/map.svg"')
  })

  it('rejects a missing image and one outside the content folder, with their places', () => {
    expect(runUnit(path.join(dir, 'missing', 'input.md')).messages[0]).toMatchObject({
      line: 1,
      column: 1,
      ruleId: 'missing-image',
    })
    expect(runUnit(path.join(dir, 'outside', 'input.md')).messages[0]).toMatchObject({
      ruleId: 'image-outside-content',
    })
  })

  it('leaves a remote image as it is, warning that the PDF leaves it out', () => {
    const { html, messages } = runUnit(path.join(dir, 'remote', 'input.md'))
    expect(messages).toMatchObject([{ line: 1, column: 1, severity: 'warning', ruleId: 'remote-image' }])
    expect(html).toContain('src="https://example.org/a.png"')
  })
})
