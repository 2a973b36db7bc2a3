import { existsSync } from 'node:fs'
import path from 'node:path'
import { fillChartSlots } from '../../core/chart-slots.ts'
import { fillLabels, type LabelName } from '../../core/labels.ts'
import type { Theme } from '../../theme/theme.ts'

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

/** Whether the theme (or one it extends) has a layout: a theme made before a layout was added may lack it. */
export function hasLayout(theme: Theme, layout: string): boolean {
  return theme.dirs.some((dir) => existsSync(path.join(dir, 'layouts', `${layout}.liquid`)))
}
