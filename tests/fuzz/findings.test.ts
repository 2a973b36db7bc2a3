import { describe, expect, it } from 'vitest'
import type { SiteCase } from './arbitraries.ts'
import { failuresOf } from './property.ts'
import { runCase } from './run-case.ts'

// Note: the smallest input of each bug the fuzzer found on 2026-11-29 (F1–F14, listed in docs/robustness.md),
// each a regression test named after its bug.

const bib = ['smith2020heat', 'lee2019canopy', 'khan2021shade']
  .map((key) => `@book{${key}, title = {A title}, author = {Smith, Jane}, date = {2020}}`)
  .join('\n')

const frontMatter = (extra = '') =>
  `---\ntitle: T\nauthors: [{name: A}]\ndate: 2025-06-01\nlang: en\nsummary: S [@smith2020heat].\n${extra}---\n`

/** A one-brief site whose brief.md body (or other file) is the given text. */
function site(parts: Partial<SiteCase> & { body?: string }): SiteCase {
  const { body = 'Text [@lee2019canopy].\n', ...rest } = parts
  return {
    brief: `${frontMatter()}${body}`,
    arguments: ['---\nkind: evidence\ntitle: T\nclaim: C [@khan2021shade].\n---\nBody.\n'],
    conclusion: undefined,
    bibliography: { name: 'references.bib', text: bib },
    translation: undefined,
    ...rest,
  }
}

async function failures(input: SiteCase): Promise<string[]> {
  return failuresOf(await runCase(input), input)
}

describe('bugs found by fuzzing', () => {
  it('the minimal site builds clean (so each case below tests only its bug)', async () => {
    const result = await runCase(site({}))
    expect(result.contentErrors).toBe(0)
    expect(failuresOf(result, site({}))).toEqual([])
  })

  it('F1: an unresolved YAML alias in front matter is a content error, not an internal error', async () => {
    expect(await failures(site({ brief: frontMatter().replace('title: T', 'title: *nope') }))).toEqual([])
  })

  it('F2: an image path with a bad percent escape (`100%.png`) is a content error', async () => {
    expect(await failures(site({ body: '![a](100%.png)\n' }))).toEqual([])
  })

  it('F3: a CSL-YAML field of the wrong type (`title: 1984`) is a content error', async () => {
    const bibliography = { name: 'references.yaml', text: '- id: smith2020heat\n  type: book\n  title: 1984\n' }
    expect(
      await failures(
        site({ bibliography, body: 'Text.\n', arguments: ['---\nkind: evidence\ntitle: T\nclaim: C.\n---\nBody.\n'] }),
      ),
    ).toEqual([])
  })

  it.each([
    [
      'an argument title',
      { arguments: ['---\nkind: evidence\ntitle: "X [@smith2020heat]"\nclaim: C [@khan2021shade].\n---\nBody.\n'] },
    ],
    ['a subtitle', { brief: `${frontMatter('subtitle: "S [@smith2020heat]"\n')}Text.\n` }],
    ['a tag', { brief: `${frontMatter('tags: ["x [@smith2020heat]"]\n')}Text.\n` }],
  ])('F4: a citation in %s is rendered or reported, never shown raw', async (_, parts) => {
    expect(await failures(site(parts))).toEqual([])
  })

  it.each(['plaintext', 'textarea', 'xmp', 'noembed', 'noframes', 'title', 'style', 'iframe'])(
    'F5: an unclosed `<%s>` is reported, not left to swallow the citations after it',
    async (tag) => {
      expect(await failures(site({ body: `A <${tag}> [@smith2020heat]\n\nMore [@smith2020heat].\n` }))).toEqual([])
    },
  )

  it.each(['[@]', '[@ smith2020heat]', '[@@smith2020heat]', '[@{weird key}]'])(
    'F6: the malformed citation `%s` is reported',
    async (citation) => {
      expect(await failures(site({ body: `Text ${citation} here.\n` }))).toEqual([])
    },
  )

  it.each([
    ['an HTML block', '<p>[@smith2020heat]</p>\n'],
    ['the line after a block tag', '<aside role="note">x</aside>\n[@smith2020heat]\n'],
    ['a line starting with a comment', '<!-- note --> [@smith2020heat]\n'],
  ])('F7: a citation in %s is rendered or reported', async (_, body) => {
    expect(await failures(site({ body }))).toEqual([])
  })

  it("F8: a citation inside a link's text is rendered or reported", async () => {
    expect(await failures(site({ body: '[x [@smith2020heat]](http://example.org)\n' }))).toEqual([])
  })

  it.each([
    ['brief.md saved with a BOM', { brief: `\ufeff${frontMatter()}Text [@smith2020heat]\n` }],
    [
      'a key finding starting with U+FEFF',
      { brief: `${frontMatter('keyFindings: ["\ufeff [@smith2020heat]"]\n')}Text.\n` },
    ],
    [
      'a claim starting with U+FEFF',
      { arguments: ['---\nkind: evidence\ntitle: T\nclaim: "\ufeff [@khan2021shade]"\n---\nBody.\n'] },
    ],
  ])('F14: a citation in %s is rendered (a leading BOM must not shift offsets)', async (_, parts) => {
    expect(await failures(site(parts))).toEqual([])
  })

  it.each([
    ['`<div>`', '<div>'.repeat(3000)],
    ['`> `', `${'> '.repeat(3000)}x`],
    ['`1. `', `${'1. '.repeat(3000)}x`],
  ])('F9: nesting %s 3,000 deep is a content error, not a stack overflow', async (_, body) => {
    expect(await failures(site({ body }))).toEqual([])
  })

  it('F10: 1,500 unclosed container directives are dealt with within the time bound', async () => {
    expect(await failures(site({ body: ':::a\n'.repeat(1500) }))).toEqual([])
  }, 120_000)

  it('F11: `[@x` repeated 25,000 times on one line is dealt with within the time bound', async () => {
    expect(await failures(site({ body: '[@x'.repeat(25_000) }))).toEqual([])
  }, 120_000)
})
