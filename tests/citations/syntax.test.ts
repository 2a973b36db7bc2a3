import { describe, expect, it } from 'vitest'
import { findCitations, findMalformedCitations, parseSuffix } from '../../src/citations/syntax.ts'

describe('findCitations', () => {
  it('finds a bracketed group with prefixes, locators and suppressed authors', () => {
    const [found] = findCitations('x [see @a, p. 3; -@b:c] y')
    expect(found).toMatchObject({ start: 2, end: 23, narrative: false })
    expect(found?.items).toEqual([
      { key: 'a', prefix: 'see', locator: '3', label: 'page', suppressAuthor: false },
      { key: 'b:c', suppressAuthor: true },
    ])
    expect(found?.keyOffsets).toEqual([7, 18])
  })

  it('finds a narrative key that stops before Chinese text and trailing punctuation', () => {
    expect(findCitations('如@nakamoto2008所述').map((f) => f.items[0]?.key)).toEqual(['nakamoto2008'])
    expect(findCitations('As @lee2019. Then').map((f) => f.items[0]?.key)).toEqual(['lee2019'])
  })

  it('ignores email addresses, escaped at signs and brackets without a key', () => {
    expect(findCitations('mail a.b@example.org, \\@handle, [a note], [x@y]')).toEqual([])
  })
})

describe('findMalformedCitations (fuzz F6: malformed citations shown raw)', () => {
  it('finds brackets meant as citations that do not parse', () => {
    const text = 'a [@] b [@ key] c [@@key] d [@{weird key}] e'
    expect(findMalformedCitations(text).map((m) => text.slice(m.start, m.end))).toEqual([
      '[@]',
      '[@ key]',
      '[@@key]',
      '[@{weird key}]',
    ])
    expect(findCitations(text)).toEqual([])
  })

  it('leaves alone brackets with an at sign that is no citation, and good citations', () => {
    expect(findMalformedCitations('[mail a@b.org], [x@y], [@a; see @b, p. 3], @c')).toEqual([])
  })
})

describe('findCitations in linear time', () => {
  it('reads a bracket that never closes, full of at signs, once', () => {
    const text = `[${'@a '.repeat(100_000)}`
    const started = performance.now()
    expect(findCitations(text)).toHaveLength(100_000)
    expect(performance.now() - started).toBeLessThan(5_000)
  })
})

describe('parseSuffix', () => {
  it.each([
    [', p. 12', { locator: '12', label: 'page' }],
    [', pp. 4-5', { locator: '4-5', label: 'page' }],
    [', ch. 2', { locator: '2', label: 'chapter' }],
    [', 33', { locator: '33', label: 'page' }],
    [', 第3章', { suffix: ', 第3章' }],
    [', p. 3, emphasis added', { locator: '3', label: 'page', suffix: ', emphasis added' }],
    [', and elsewhere', { suffix: ', and elsewhere' }],
  ])('%s', (input, expected) => {
    expect(parseSuffix(input)).toEqual(expected)
  })
})
