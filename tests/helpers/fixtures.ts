import fs from 'node:fs'
import path from 'node:path'
import { VFile } from 'vfile'
import { expect } from 'vitest'
import { renderCitations } from '../../src/citations/render.ts'
import { loadStyle } from '../../src/citations/styles.ts'
import { loadBibliography } from '../../src/content/bibliography.ts'
import { parseMarkdown } from '../../src/content/parse.ts'
import { markdownToHtml, transformMarkdown, typesetMarkdown } from '../../src/pipeline/markdown.ts'

/** Folder of the fixtures: tests/fixtures. */
export const fixturesDir = path.resolve(import.meta.dirname, '..', 'fixtures')

/** The bibliography every plugin fixture may cite. */
export const sharedBibliography = path.join(fixturesDir, 'shared', 'references.bib')

/** What one markdown unit becomes: its HTML and its messages. */
export interface UnitResult {
  html: string
  messages: Array<{
    line: number | undefined
    column: number | undefined
    severity: string
    ruleId: string | undefined
    reason: string
    hint: string | undefined
  }>
}

/** Run one markdown file through the whole pipeline, citations rendered with a real CSL style. */
export function runUnit(inputPath: string, style = 'chicago-author-date', lang = 'en'): UnitResult {
  const file = new VFile({ path: inputPath, value: fs.readFileSync(inputPath, 'utf8') })
  const bibliography = loadBibliography(sharedBibliography)
  const tree = parseMarkdown(file)
  transformMarkdown(tree, file, {
    citationKeys: new Set(bibliography.items.keys()),
    contentDir: path.dirname(inputPath),
    pdf: true,
    lang,
  })
  typesetMarkdown(tree, lang)
  renderCitations([file], loadStyle(style), bibliography.items, lang)
  const html = markdownToHtml(tree, file, { idPrefix: '', footnoteLabel: 'Notes', footnoteBackLabel: 'Back' })
  return {
    html,
    messages: file.messages.map((m) => ({
      line: m.line,
      column: m.column,
      severity: m.fatal ? 'error' : 'warning',
      ruleId: m.ruleId,
      reason: m.reason,
      hint: m.note,
    })),
  }
}

/**
 * Compare each case folder `<dir>/<case>/input.md` with its expected `output.html` and
 * `messages.json`. With UPDATE=1 the expected files are rewritten; review the diff.
 */
export function checkFixtures(dir: string, run: (input: string) => UnitResult): string[] {
  const cases = fs.readdirSync(dir).filter((name) => fs.existsSync(path.join(dir, name, 'input.md')))
  for (const name of cases) {
    const result = run(path.join(dir, name, 'input.md'))
    compare(path.join(dir, name, 'output.html'), result.html)
    compare(path.join(dir, name, 'messages.json'), `${JSON.stringify(result.messages, null, 2)}\n`)
  }
  return cases
}

function compare(expectedPath: string, actual: string): void {
  if (process.env['UPDATE'] || !fs.existsSync(expectedPath)) {
    fs.writeFileSync(expectedPath, actual)
    return
  }
  expect(actual, expectedPath).toBe(fs.readFileSync(expectedPath, 'utf8'))
}
