import fs from 'node:fs'
import path from 'node:path'
import { VFile } from 'vfile'
import { describe, expect, it } from 'vitest'
import { renderCitations } from '../../src/citations/render.ts'
import { loadStyle } from '../../src/citations/styles.ts'
import { loadBibliography } from '../../src/content/bibliography.ts'
import { parseMarkdown } from '../../src/content/parse.ts'
import { markdownToHtml, transformMarkdown } from '../../src/pipeline/markdown.ts'
import { checkFixtures, fixturesDir, sharedBibliography } from '../helpers/fixtures.ts'

const dir = path.join(fixturesDir, 'citation-styles')

/** The citations and the reference list of one input, in the style its folder is named after. */
function renderInStyle(input: string) {
  const style = path.basename(path.dirname(input))
  const lang = style.includes('gb-t') ? 'zh' : 'en'
  const file = new VFile({ path: input, value: fs.readFileSync(input, 'utf8') })
  const bibliography = loadBibliography(sharedBibliography)
  const tree = parseMarkdown(file)
  transformMarkdown(tree, file, { citationKeys: new Set(bibliography.items.keys()), contentDir: dir, pdf: false })
  const references = renderCitations([file], loadStyle(style), bibliography.items, lang)
  const body = markdownToHtml(tree, file, { idPrefix: '', footnoteLabel: 'Notes', footnoteBackLabel: 'Back' })
  const list = references.map((r) => `<li id="ref-${r.id}" lang="${r.lang ?? ''}">${r.html.trim()}</li>`).join('\n')
  return { html: `${body}\n<ol>\n${list}\n</ol>\n`, messages: [] }
}

describe('golden HTML per citation style', () => {
  it('matches briefkit GB/T 7714, APA and Chicago author-date', () => {
    expect(checkFixtures(dir, renderInStyle).sort()).toEqual([
      'apa',
      'briefkit-gb-t-7714-2015-numeric',
      'chicago-author-date',
    ])
  })
})
