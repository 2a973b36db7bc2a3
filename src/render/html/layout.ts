import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { type BuildCache, cacheKey } from '../../core/cache.ts'
import { fillChartSlots } from '../../core/chart-slots.ts'
import { fillLabels, type LabelName } from '../../core/labels.ts'
import { themeFilesIn } from '../../theme/files.ts'
import type { Theme } from '../../theme/theme.ts'
import { type Page, StoredPage } from './page-context.ts'

// Note: the words a theme that names none of them gets.
const fallback: Record<LabelName, string> = {
  footnotes: 'Notes',
  backToContent: 'Back',
  citedAt: 'Back to citation',
  figure: 'Figure {n}',
  table: 'Table {n}',
  section: 'Section {n}',
  figureCaption: 'Figure {n}.',
  tableCaption: 'Table {n}.',
  source: 'Source: ',
  data: 'Data',
}

/**
 * Render one of the theme's layouts, then fill the label slots of the compiled HTML in it with the
 * theme's words in the page's language, and its chart slots with `charts` (the brief's charts drawn;
 * a page without them loses its slots): the only way a page is made from a layout.
 */
export async function renderLayout(
  theme: Theme,
  layout: string,
  context: { lang: string } & Record<string, unknown>,
  charts: readonly string[] = [],
): Promise<string> {
  const words = theme.strings(context.lang)
  const html = (await theme.engine.renderFile(layout, context)) as string
  return fillChartSlots(
    fillLabels(html, (name) => words[name] ?? fallback[name]),
    charts,
  )
}

/**
 * A page at `path` rendered by `renderLayout`. With `cache`, the page is kept there by all it is made
 * from (the layout, its context as JSON, the charts, the theme's templates and words), so an unchanged
 * page is not rendered again; its context must then be plain data, as a compiled brief is. A cached
 * page stays on disk, not in memory (see `StoredPage`): a site of a thousand briefs holds two thousand
 * pages and as many print pages, hundreds of megabytes that would otherwise live until it is written.
 */
export async function renderPage(
  theme: Theme,
  layout: string,
  path: string,
  context: { lang: string } & Record<string, unknown>,
  charts: readonly string[] = [],
  cache?: BuildCache,
): Promise<Page> {
  if (!cache) return { path, html: await renderLayout(theme, layout, context, charts) }
  const words = theme.strings(context.lang)
  const name = `${cacheKey([layout, templatesStamp(theme), JSON.stringify(words), JSON.stringify(context), ...charts])}.html`
  const kept = cache.readFile('pages', name, () => true)
  if (kept) return new StoredPage(path, kept)
  return new StoredPage(path, cache.writeFile('pages', name, await renderLayout(theme, layout, context, charts)))
}

// Note: read once per theme, as LiquidJS (`cache: true`) reads each template once.
const stamps = new WeakMap<Theme, string>()

/** A hash of the theme's layouts and partials (of every theme it extends too): what a page is rendered with besides its context. */
function templatesStamp(theme: Theme): string {
  let stamp = stamps.get(theme)
  if (stamp === undefined) {
    const hash = createHash('sha256')
    for (const dir of theme.dirs) {
      for (const file of ['layouts', 'partials'].flatMap((sub) => themeFilesIn(path.join(dir, sub), dir))) {
        const text = readFileSync(file)
        hash.update(`${file}\0${text.length}\0`).update(text)
      }
    }
    stamp = hash.digest('hex')
    stamps.set(theme, stamp)
  }
  return stamp
}

/** Whether the theme (or one it extends) has a layout: a theme made before a layout was added may lack it. */
export function hasLayout(theme: Theme, layout: string): boolean {
  return theme.dirs.some((dir) => existsSync(path.join(dir, 'layouts', `${layout}.liquid`)))
}
