import type { ArgumentKind } from '../config/kinds.ts'
import type { OutputFile } from '../core/output.ts'

/** How many kind colours a theme defines (`--kind-1` … `--kind-8`). */
const paletteSize = 8

/**
 * `assets/kinds.css`: gives each of the site's argument kinds a colour from the theme's palette,
 * in the order site.yaml lists them, so a site's own kinds get colours too.
 */
export function kindStyles(kinds: readonly ArgumentKind[]): OutputFile {
  const rules = kinds.map(
    (kind, i) => `[data-kind="${cssString(kind.id)}"] { --kind: var(--kind-${(i % paletteSize) + 1}); }`,
  )
  return {
    path: 'assets/kinds.css',
    content: `/* Made by briefkit from the site's argument kinds. */\n${rules.join('\n')}\n`,
  }
}

function cssString(value: string): string {
  return value.replace(/["\\\n]/g, '')
}
