import { VFile } from 'vfile'
import { describe, expect, it } from 'vitest'
import { parseMarkdown } from '../../src/content/parse.ts'
import { transformMarkdown } from '../../src/pipeline/markdown.ts'
import { metaText, plainText } from '../../src/pipeline/plain-text.ts'

/** A summary as compiled: parsed and transformed (citations become placeholders). */
function summaryTree(markdown: string) {
  const file = new VFile({ path: '/content/x/brief.md', value: markdown })
  const tree = parseMarkdown(file)
  return transformMarkdown(tree, file, {
    citationKeys: new Set(['smith2020']),
    contentDir: '/content',
    pdf: false,
    lang: 'en',
  })
}

describe('plainText', () => {
  it('gives metadata the text a reader sees, not the HTML written (regression: <b> and <script> in the meta description, feed and PDF Subject)', () => {
    expect(plainText(summaryTree('Costs <b>rise</b> <script>alert(1)</script> &amp; fall'))).toBe('Costs rise & fall')
  })

  it('drops what the page drops: event handlers, iframes, comments', () => {
    const text = plainText(
      summaryTree('A <img src=x onerror="alert(1)"> b <iframe src="javascript:alert(2)"></iframe><!-- c --> d'),
    )
    expect(text).toBe('A b d')
  })

  it('leaves out a row of big numbers, which repeats figures of the text (regression: stat labels run into the meta description)', () => {
    const text = plainText(
      summaryTree('Mining uses 138 TWh a year.\n\n:::stat{value="138 TWh"}\nElectricity use in 2024\n:::\n'),
    )
    expect(text).toBe('Mining uses 138 TWh a year.')
  })

  it("keeps markdown's text without its marks, citations or footnotes", () => {
    expect(
      plainText(
        summaryTree(
          'Trees **cool** `cities` [cheaply](https://x.example) [@smith2020].[^1] Shade [@smith2020] helps.\n\n[^1]: A note.',
        ),
      ),
    ).toBe('Trees cool cities cheaply. Shade helps.')
  })

  it('parts paragraphs and list items with a space and collapses whitespace and control characters', () => {
    expect(plainText(summaryTree('One\ttwo.\n\nThree\u0001.\n\n- four\n- five'))).toBe('One two. Three. four five')
  })
})

describe('metaText', () => {
  it('takes tags out of a plain field and decodes its entities', () => {
    expect(metaText('Costs <b>rise</b> <script>alert(1)</script> &amp; fall')).toBe('Costs rise & fall')
    expect(metaText('  A\n  title ')).toBe('A title')
  })

  it('leaves a title that only looks like markup as it is', () => {
    expect(metaText('x < y & 5 > 3')).toBe('x < y & 5 > 3')
    expect(metaText('I <3 trees')).toBe('I <3 trees')
  })
})
