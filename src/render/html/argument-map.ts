import type { BuildCache } from '../../core/cache.ts'
import type { CompiledBrief } from '../../core/compiled.ts'
import type { Theme } from '../../theme/theme.ts'
import { mapStandIn } from '../map/figure.ts'
import { mapWords } from '../map/words.ts'

// Note: a brief's page and its print page show the same map; it is drawn once per theme.
const drawn = new WeakMap<Theme, WeakMap<CompiledBrief, Promise<string>>>()

/**
 * A brief's argument map for its pages: drawn (Graphviz and the theme's fonts, loaded only now),
 * or, where nothing is drawn (`check`), its list standing in for the drawing. Nothing for a brief
 * whose map is empty: its pages have no map section. With `cache`, a drawing is kept there by what it is drawn from.
 */
export async function briefMap(
  brief: CompiledBrief,
  theme: Theme,
  { draw = true, cache }: { draw?: boolean; cache?: BuildCache | undefined } = {},
): Promise<string | undefined> {
  const map = brief.argumentMap
  if (map.nodes.length === 0) return undefined
  const words = mapWords(theme.strings(brief.lang))
  if (!draw) return mapStandIn(map, words)
  const byBrief = drawn.get(theme) ?? new WeakMap<CompiledBrief, Promise<string>>()
  drawn.set(theme, byBrief)
  let html = byBrief.get(brief)
  if (!html) {
    html = import('../map/draw.ts').then(({ drawMap }) =>
      drawMap(map, { fonts: theme.fonts, lang: brief.lang, words, cache }),
    )
    byBrief.set(brief, html)
  }
  return html
}
