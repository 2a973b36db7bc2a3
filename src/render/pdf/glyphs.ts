import { fromHtml } from 'hast-util-from-html'
import { toString as hastText } from 'hast-util-to-string'
import type { Point } from 'unist'
import { VFile } from 'vfile'
import { location } from 'vfile-location'
import { type BuildCache, cacheKey } from '../../core/cache.ts'
import type { CompiledBrief } from '../../core/compiled.ts'
import { reportError } from '../../reporting/messages.ts'
import type { Page } from '../html/pages.ts'
import { type Coverage, missingCharacters } from './coverage.ts'
import type { PrintFonts } from './fonts.ts'

/**
 * What the PDF's fonts can draw: the theme's fonts; `undefined` when the theme names none (then the
 * PDF is set in whatever fonts its stylesheets name, and nothing is checked).
 */
export async function pdfCoverage(
  printFonts: PrintFonts | undefined,
  cache: BuildCache,
): Promise<Coverage | undefined> {
  return printFonts?.coverage(cache)
}

/**
 * Check, before printing, that the theme's fonts can draw every character of each brief's PDF;
 * otherwise the PDF would fall back to whatever fonts the machine has. Takes each brief with its
 * print page; returns files with errors.
 */
export function checkGlyphs(
  briefs: ReadonlyArray<{ brief: CompiledBrief; page: Page }>,
  coverage: Coverage,
  cache: BuildCache,
): VFile[] {
  const problems: VFile[] = []
  for (const { brief, page } of briefs) {
    const missing = missingCharacters(pageCharacters(page.html, cache), coverage)
    if (missing.length === 0) continue
    const byFile = new Map<string, { place: Point | undefined; chars: string[] }>()
    for (const char of missing) {
      const found = findInSources(brief, char)
      const entry = byFile.get(found?.path ?? brief.sourcePath) ?? { place: found?.place, chars: [] }
      entry.chars.push(char)
      byFile.set(found?.path ?? brief.sourcePath, entry)
    }
    for (const [filePath, { place, chars }] of byFile) {
      const file = new VFile({ path: filePath })
      const shown = chars
        .slice(0, 20)
        .map((c) => `${c} (U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')})`)
        .join(', ')
      reportError(
        file,
        `The PDF fonts have no glyph for ${chars.length} ${chars.length === 1 ? 'character' : 'characters'}: ${shown}`,
        place,
        'missing-glyphs',
        "Replace those characters, add a font that has them to the theme's theme.yaml, or build with `--no-pdf`.",
      )
      problems.push(file)
    }
  }
  return problems
}

/** The characters of a page's text, each once, in order; from the cache when the page is unchanged. */
function pageCharacters(html: string, cache: BuildCache): string {
  const key = cacheKey([html])
  const cached = cache.readJson('characters', key, (value): value is string => typeof value === 'string')
  if (cached !== undefined) return cached
  const characters = [...new Set(hastText({ type: 'root', children: fromHtml(html).children }))].join('')
  cache.writeJson('characters', key, characters)
  return characters
}

/**
 * Where a character first appears among the markdown files of a brief's edition (brief.md, then
 * conclusion.md and arguments/), or undefined when it comes from elsewhere (the theme's words).
 */
function findInSources(brief: CompiledBrief, char: string): { path: string; place: Point } | undefined {
  for (const { path, text } of brief.sources) {
    const offset = text.indexOf(char)
    const place = offset === -1 ? undefined : location(text).toPoint(offset)
    if (place) return { path, place }
  }
  return undefined
}
