import { describe, expect, it } from 'vitest'
import { fillLabels, labelSlot } from '../../src/core/labels.ts'

describe('label slots', () => {
  it('fills each slot, in text and in attributes, with its word escaped', () => {
    const html = `<h2>${labelSlot('footnotes')}</h2><a aria-label="${labelSlot('citedAt')} 2">2</a>`
    const words = { footnotes: 'Notes & <sources>', citedAt: 'Back to "citation"', backToContent: 'Back' }
    expect(fillLabels(html, (name) => (name in words ? words[name as keyof typeof words] : ''))).toBe(
      '<h2>Notes &amp; &lt;sources></h2><a aria-label="Back to &quot;citation&quot; 2">2</a>',
    )
  })

  it("fills a numbered slot's {n} with its number", () => {
    const html = `<a href="#fig-a">${labelSlot('figure', '2')}</a> ${labelSlot('section', '2.1')}`
    const words: Record<string, string> = { figure: '图 {n}', section: '第 {n} 节' }
    expect(fillLabels(html, (name) => words[name] ?? '')).toBe('<a href="#fig-a">图 2</a> 第 2.1 节')
  })

  it('leaves alone what only looks like a slot', () => {
    const html = '\uE000nothing\uE000 \uE000footnotes'
    expect(fillLabels(html, () => 'x')).toBe(html)
  })
})

describe('label slots of objections and responses', () => {
  it("fills them with the theme's words, in English when the theme has none", () => {
    const html = `${labelSlot('objection')} / ${labelSlot('response')}`
    const zh: Record<string, string> = { objection: '反对意见', response: '回应' }
    expect(fillLabels(html, (name) => zh[name] ?? '')).toBe('反对意见 / 回应')
    const none: Record<string, string> = {}
    expect(fillLabels(html, (name) => none[name] as string)).toBe('Objection / Response')
  })
})
