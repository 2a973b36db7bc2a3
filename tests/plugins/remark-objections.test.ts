import path from 'node:path'
import { VFile } from 'vfile'
import { describe, expect, it } from 'vitest'
import { loadBibliography } from '../../src/content/bibliography.ts'
import { parseMarkdown } from '../../src/content/parse.ts'
import { fillLabels } from '../../src/core/labels.ts'
import { markdownToHtml, transformMarkdown } from '../../src/pipeline/markdown.ts'
import { sharedBibliography } from '../helpers/fixtures.ts'

const words: Record<string, string> = { objection: 'Objection', response: 'Response' }

/** One argument's text through the transforms and to HTML, its label slots filled with English words. */
function run(markdown: string, argument: string | null = 'policy') {
  const file = new VFile({ path: path.join(import.meta.dirname, 'policy.md'), value: markdown })
  const tree = parseMarkdown(file)
  const keys = new Set(loadBibliography(sharedBibliography).items.keys())
  transformMarkdown(tree, file, {
    citationKeys: keys,
    contentDir: import.meta.dirname,
    pdf: false,
    lang: 'en',
    argument: argument ?? undefined,
  })
  const html = markdownToHtml(tree, file, { idPrefix: '', footnoteLabel: 'Notes', footnoteBackLabel: 'Back' })
  return {
    html: fillLabels(html, (name) => words[name] ?? name),
    file,
    messages: file.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`),
  }
}

const pair = [
  ':::objection[Mining uses stranded power]',
  'Part of it runs on hydro.',
  ':::',
  '',
  ':::response',
  'The share is estimated.',
  ':::',
  '',
].join('\n')

describe('remarkObjections', () => {
  it('turns an objection and its response into blocks with title lines and ids from the argument', () => {
    const { html, messages } = run(pair)
    expect(html).toBe(
      [
        '<aside class="objection" id="objection-policy-1"><p class="objection-title"><span class="objection-label">Objection</span> Mining uses stranded power</p><p>Part of it runs on hydro.</p></aside>',
        '<aside class="response" id="response-policy-1"><p class="response-title"><span class="response-label">Response</span></p><p>The share is estimated.</p></aside>',
      ].join('\n'),
    )
    expect(messages).toEqual([])
  })

  it('numbers objections in reading order and gives a response the number of the objection it answers', () => {
    const unanswered = ':::objection[First]\nNo answer.\n:::\n\n'
    const { html, file } = run(`${unanswered}Some text.\n\n${pair}`)
    expect([...html.matchAll(/id="([^"]+)"/g)].map((m) => m[1])).toEqual([
      'objection-policy-1',
      'objection-policy-2',
      'response-policy-2',
    ])
    expect(file.data.objections?.map((o) => [o.id, o.response?.id, o.position?.start.line])).toEqual([
      ['objection-policy-1', undefined, 1],
      ['objection-policy-2', 'response-policy-2', 7],
    ])
    expect(file.data.strayResponses).toEqual([])
  })

  it('notes a response that does not directly follow an objection, and draws it without an id', () => {
    const { html, file } = run(':::objection[A]\nText.\n:::\n\nA paragraph between.\n\n:::response\nLate.\n:::\n')
    expect(file.data.objections?.[0]?.response).toBeUndefined()
    expect(file.data.strayResponses?.map((p) => [p?.start.line, p?.start.column])).toEqual([[7, 1]])
    expect(html).toContain('<aside class="response"><p class="response-title">')
  })

  it('keeps the citations of both blocks, and a title on a response', () => {
    const { html, file } = run(
      ':::objection[Costs rise [@smith2020heat]]\nThey did [@nakamoto2008].\n:::\n\n:::response[Not for long]\nNo.\n:::\n',
    )
    expect(file.data.citations?.map((c) => c.items.map((i) => i.key))).toEqual([['smith2020heat'], ['nakamoto2008']])
    expect(html).toContain('<span class="response-label">Response</span> Not for long</p>')
    expect(file.data.objections?.[0]?.response?.title).toBe(true)
  })

  it('leaves editor notes to remark-callouts, which no longer sees objections as unknown directives', () => {
    const { html, messages } = run(`:::note[Editor]\nA note.\n:::\n\n${pair}`)
    expect(html).toContain('<aside class="callout callout-note"><p class="callout-title">Editor</p>')
    expect(messages).toEqual([])
  })

  it('warns about an objection outside an argument, which has no id and no place in the map', () => {
    const { html, messages } = run(pair, null)
    expect(messages).toEqual(['1:1 objection-outside-argument'])
    expect(html).toContain('<aside class="objection"><p class="objection-title">')
    expect(html).not.toContain('id=')
  })

  it('numbers nested and listed objections in reading order, and drops what attributes would add', () => {
    const { html, file } = run(
      '::::objection[Outer]{#mine onclick="alert(1)"}\n:::objection[Inner]\nx\n:::\n\n:::response\ny\n:::\n::::\n\n- :::objection[In a list]\n  z\n  :::\n',
    )
    expect(file.data.objections?.map((o) => [o.id, o.response?.id])).toEqual([
      ['objection-policy-1', undefined],
      ['objection-policy-2', 'response-policy-2'],
      ['objection-policy-3', undefined],
    ])
    expect(html).not.toMatch(/onclick|id="mine"/)
  })
})
