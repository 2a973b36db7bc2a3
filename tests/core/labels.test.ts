import { describe, expect, it } from 'vitest'
import { fillLabels, labelSlot } from '../../src/core/labels.ts'

describe('label slots', () => {
  it('fills each slot, in text and in attributes, with its word escaped', () => {
    const html = `<h2>${labelSlot('footnotes')}</h2><a aria-label="${labelSlot('citedAt')} 2">2</a>`
    const words = { footnotes: 'Notes & <sources>', citedAt: 'Back to "citation"', backToContent: 'Back' }
    expect(fillLabels(html, (name) => words[name])).toBe(
      '<h2>Notes &amp; &lt;sources></h2><a aria-label="Back to &quot;citation&quot; 2">2</a>',
    )
  })

  it('leaves alone what only looks like a slot', () => {
    const html = '\uE000nothing\uE000 \uE000footnotes'
    expect(fillLabels(html, () => 'x')).toBe(html)
  })
})
