import { fromHtml } from 'hast-util-from-html'
import { toString } from 'hast-util-to-string'
import { VFile } from 'vfile'
import type { OutputFile } from '../../build/output.ts'
import type { ResolvedConfig } from '../../config/resolve.ts'
import type { CompiledBrief } from '../../pipeline/compile-brief.ts'
import { reportError } from '../../reporting/messages.ts'
import { renderPrintPage } from '../html/pages.ts'
import type { Theme } from '../html/theme.ts'
import { fontCoverage, missingCharacters } from './coverage.ts'

/**
 * Check, before printing, that the theme's fonts can draw every character of each brief's PDF;
 * otherwise the PDF would fall back to whatever fonts the machine has. Returns files with errors.
 */
export async function checkGlyphs(briefs: readonly CompiledBrief[], config: ResolvedConfig, theme: Theme, fonts: readonly OutputFile[]): Promise<VFile[]> {
  const stylesheets = fonts.flatMap((f) => ('content' in f && f.path.endsWith('.css') ? [String(f.content)] : []))
  if (stylesheets.length === 0) return []
  const coverage = fontCoverage(stylesheets)
  const problems: VFile[] = []
  for (const brief of briefs) {
    const page = await renderPrintPage(brief, config, theme)
    const body = fromHtml(page.html).children
    const missing = missingCharacters(toString({ type: 'root', children: body }), coverage)
    if (missing.length === 0) continue
    const file = new VFile({ path: brief.sourcePath })
    const shown = missing.slice(0, 20).map((c) => `${c} (U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')})`).join(', ')
    reportError(file, `The PDF fonts have no glyph for ${missing.length} ${missing.length === 1 ? 'character' : 'characters'}: ${shown}`, undefined, 'missing-glyphs',
      'Replace those characters, add a font that has them to the theme\'s theme.yaml, or build with `--no-pdf`.')
    problems.push(file)
  }
  return problems
}
