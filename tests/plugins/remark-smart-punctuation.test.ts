import fc from 'fast-check'
import type { Root, Text } from 'mdast'
import { retext } from 'retext'
import retextSmartypants from 'retext-smartypants'
import { unified } from 'unified'
import { visit } from 'unist-util-visit'
import { VFile } from 'vfile'
import { describe, expect, it } from 'vitest'
import { parseMarkdown } from '../../src/content/parse.ts'
import {
  isEnglish,
  markdownToHtml,
  smartText,
  transformMarkdown,
  typesetMarkdown,
} from '../../src/pipeline/markdown.ts'
import { remarkSmartPunctuation } from '../../src/plugins/remark-smart-punctuation.ts'

/** One unit as a build transforms and typesets it, in the brief's language; citations are known keys. */
function transformed(markdown: string, lang = 'en') {
  const file = new VFile({ path: '/content/x/brief.md', value: markdown })
  const tree = transformMarkdown(parseMarkdown(file), file, {
    citationKeys: new Set(['smith2020']),
    contentDir: '/content',
    pdf: false,
    lang,
  })
  return { tree: typesetMarkdown(tree, lang), file }
}

/** The unit's HTML before citations are rendered (their placeholders stay empty spans). */
function html(markdown: string, lang = 'en'): string {
  const { tree, file } = transformed(markdown, lang)
  return markdownToHtml(tree, file, { idPrefix: '', footnoteLabel: 'Notes', footnoteBackLabel: 'Back' })
}

function texts(tree: Root): string[] {
  const values: string[] = []
  visit(tree, 'text', (node: Text) => {
    values.push(node.value)
  })
  return values
}

describe('remarkSmartPunctuation', () => {
  it('curls double quotes and apostrophes', () => {
    expect(html('China\'s pledge of "carbon neutrality" by 2060.')).toBe(
      '<p>China’s pledge of “carbon neutrality” by 2060.</p>',
    )
  })

  it("reads a leading apostrophe as an elision ('90s) and nests quotes", () => {
    expect(html("In the '90s, he said \"the 'new normal' is here\" and left.")).toBe(
      '<p>In the ’90s, he said “the ‘new normal’ is here” and left.</p>',
    )
  })

  it('makes -- an en dash, --- an em dash and ... an ellipsis', () => {
    expect(html('From 2010--2020 --- a decade... or more . . . and then')).toBe(
      '<p>From 2010–2020 — a decade… or more … and then</p>',
    )
  })

  it('pairs quotes across emphasis and links', () => {
    expect(html('"*Dual carbon*" and "[targets](https://example.org/a)" matter.')).toBe(
      '<p>“<em>Dual carbon</em>” and “<a href="https://example.org/a">targets</a>” matter.</p>',
    )
  })

  it('opens a quote at the start of a heading, a list item and a table cell', () => {
    expect(html('# "Why" it\'s so\n\n- "one"\n\n| "a" |\n| --- |\n| "b" |')).toBe(
      '<h2 id="why-its-so">“Why” it’s so</h2>\n<ul>\n<li>“one”</li>\n</ul>\n<table>\n<thead>\n<tr>\n<th>“a”</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>“b”</td>\n</tr>\n</tbody>\n</table>',
    )
  })

  it('leaves inline code, code blocks, raw HTML and its attributes alone', () => {
    const out = html(
      'Run `echo "it\'s" -- ...` and "see" it.\n\n```sh\necho "it\'s" -- ...\n```\n\n<sup title="it\'s -- &quot;x&quot;">"IEA"</sup> said so.',
    )
    expect(out).toContain('<code>echo "it\'s" -- ...</code> and “see” it.')
    expect(out).toContain('<pre><code class="language-sh">echo "it\'s" -- ...\n</code></pre>')
    expect(out).toContain('title="it&#x27;s -- &#x22;x&#x22;"')
    expect(out).toContain('>“IEA”</sup> said so.')
  })

  it('leaves URLs alone, written or bare', () => {
    const out = html("See <https://example.org/a--b...c> and www.example.org/it's--x and [it's](https://x.org/a--b).")
    expect(out).toContain('>https://example.org/a--b...c</a>')
    expect(out).toContain(">www.example.org/it's--x</a>")
    expect(out).toContain('<a href="https://x.org/a--b">it’s</a>')
  })

  it("leaves a citation's text alone, and the quotes around it still pair", () => {
    const { tree } = transformed('"As shown" [see @smith2020, pp. 3--5 and \'a\'] -- it\'s "clear [@smith2020]".')
    expect(texts(tree)).toEqual([
      '“As shown” ',
      "[see @smith2020, pp. 3--5 and 'a']",
      ' – it’s “clear ',
      '[@smith2020]',
      '”.',
    ])
  })

  it('leaves the text of a cross-reference and of citation placeholders made by other plugins alone', () => {
    const tree: Root = {
      type: 'root',
      children: [
        {
          type: 'paragraph',
          children: [
            { type: 'text', value: 'See "' },
            {
              type: 'link',
              url: '#fig-a--b',
              children: [{ type: 'text', value: "fig-a--b's" }],
              data: { hProperties: { className: ['xref'] } },
            },
            { type: 'text', value: '" and ' },
            {
              type: 'emphasis',
              children: [{ type: 'text', value: '[@x, "p." 3--4]' }],
              data: { hName: 'span', hProperties: { dataCitation: '0' } },
            },
            { type: 'text', value: "... that's all" },
          ],
        },
      ],
    }
    unified().use(remarkSmartPunctuation).runSync(tree)
    expect(texts(tree)).toEqual(['See “', "fig-a--b's", '” and ', '[@x, "p." 3--4]', '… that’s all'])
  })

  it('changes node values only, so positions stay', () => {
    const { tree } = transformed('He said "it\'s\n-- fine".')
    const [text] = texts(tree)
    expect(text).toBe('He said “it’s\n– fine”.')
    let position: unknown
    visit(tree, 'text', (node: Text) => {
      position ??= node.position
    })
    expect(position).toMatchObject({
      start: { line: 1, column: 1, offset: 0 },
      end: { line: 2, column: 10, offset: 23 },
    })
  })

  it('leaves a Chinese unit alone', () => {
    const source = '“双碳”目标 "carbon" -- China\'s...'
    expect(texts(transformed(source, 'zh-CN').tree)).toEqual([source])
    expect(texts(transformed(source, 'zh').tree)).toEqual([source])
  })

  it('reads English from any English tag', () => {
    expect(['en', 'en-GB', 'EN-us'].map(isEnglish)).toEqual([true, true, true])
    expect(['zh', 'zh-CN', 'eng', 'ent'].map(isEnglish)).toEqual([false, false, false, false])
  })

  it('makes a plain-text title typographic in English only (smartText)', () => {
    expect(smartText('"Dual carbon" -- China\'s path...', 'en-GB')).toBe('“Dual carbon” – China’s path…')
    expect(smartText('"双碳" -- China\'s path...', 'zh-CN')).toBe('"双碳" -- China\'s path...')
  })
})

describe('remarkSmartPunctuation skips text with no dashes or dots to change', () => {
  // Note: what every node with a hyphen or a dot went through before: the skipped ones must come out as they went in.
  const alphabet = ['.', '.', '-', '-', '–', '—', ' ', '\u00A0', '\u3000', '\n', 'a', '1', '!', '…']
  const text = fc.array(fc.constantFrom(...alphabet), { maxLength: 12 }).map((chars) => chars.join(''))

  for (const dashes of ['oldschool', true, 'inverted'] as const) {
    it(`gives what retext-smartypants gives for every text (dashes: ${dashes})`, () => {
      const marks = retext().use(retextSmartypants, { dashes, quotes: false, backticks: false })
      const plugin = unified().use(remarkSmartPunctuation, { dashes })
      fc.assert(
        fc.property(text, (value) => {
          const tree: Root = { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', value }] }] }
          plugin.runSync(tree)
          expect(texts(tree)).toEqual([String(marks.processSync(value))])
        }),
        { seed: 18, numRuns: 3000 },
      )
    })
  }

  it('still turns spaced dots and dashes before hyphens into ellipses and dashes', () => {
    const typeset = (value: string) => smartText(value, 'en')
    expect(['a . . . b', 'a.\u00A0.\u00A0.', 'a –- b', 'a---b'].map(typeset)).toEqual(['a … b', 'a…', 'a — b', 'a—b'])
  })
})
