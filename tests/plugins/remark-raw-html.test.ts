import type { Root } from 'mdast'
import { VFile } from 'vfile'
import { describe, expect, it } from 'vitest'
import { parseMarkdown } from '../../src/content/parse.ts'
import { remarkRawHtml } from '../../src/plugins/remark-raw-html.ts'

function check(markdown: string) {
  const file = new VFile({ path: 'x.md', value: markdown })
  const tree: Root = parseMarkdown(file)
  remarkRawHtml()(tree, file)
  return file.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`)
}

describe('remarkRawHtml', () => {
  it.each([
    ['plaintext', 'Text <plaintext> more\n\nNext [@a].\n', ['1:6 raw-text-element']],
    ['an unclosed textarea block', 'A\n\n<textarea>\n\nNext [@a].\n', ['3:1 raw-text-element']],
    ['an unclosed inline xmp', 'A <xmp> [@a]\n', ['1:3 raw-text-element']],
    [
      'an unclosed noembed, noframes, title, iframe',
      '<noembed>\n\n<noframes>\n\n<title>\n\n<iframe>\n',
      ['1:1 raw-text-element', '3:1 raw-text-element', '5:1 raw-text-element', '7:1 raw-text-element'],
    ],
    ['an unclosed style (its HTML block runs to the end)', '<style>\n\n<iframe>\n\nText.\n', ['1:1 raw-text-element']],
  ])(
    'refuses a raw-text element left open: %s (unclosed <plaintext> ate the rest of the argument)',
    (_name, markdown, expected) => {
      expect(check(markdown)).toEqual(expected)
    },
  )

  it('lets a closed one through for the sanitizer to drop, in a block or a paragraph', () => {
    expect(
      check('<script>\nalert(1)\n</script>\n\nHello <script>alert(2)</script> world.\n\n<style>a{}</style>\n'),
    ).toEqual([])
  })

  it('refuses HTML nested over 100 levels, once, but not a run of elements that close themselves', () => {
    expect(check(`${'<div>'.repeat(3000)}x\n`)).toEqual(['1:1 nesting-too-deep'])
    expect(check(`${'<div>x</div>'.repeat(3000)}\n\n${'<p>x'.repeat(300)}\n\n${'<br>'.repeat(300)}\n`)).toEqual([])
  })

  it('ignores tags inside comments', () => {
    expect(check('<!-- <plaintext> -->\n\nText.\n')).toEqual([])
  })
})
