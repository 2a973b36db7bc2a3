import { describe, expect, it } from 'vitest'
import { cssString, pageCounterContent } from '../../src/core/css.ts'

describe('CSS strings', () => {
  it('escapes quotes, backslashes, newlines and `<`, so a title cannot close the <style> element', () => {
    expect(cssString('a "b" \\ c\n</style><script>')).toBe('"a \\22 b\\22  \\5C  c\\A \\3C /style>\\3C script>"')
  })

  it('regression: a form feed in a title cannot end the string and inject CSS into the print page', () => {
    expect(cssString('A\f} body { display: none')).toBe('"A\\C } body { display: none"')
    expect(cssString('tab\there')).not.toMatch(/[\u0000-\u001f]/)
  })

  it('turns a page label into strings and page counters', () => {
    expect(pageCounterContent('第 {n} 页，共 {total} 页')).toBe('"第 " counter(page) " 页，共 " counter(pages) " 页"')
    expect(pageCounterContent('{n}')).toBe('counter(page)')
  })
})
