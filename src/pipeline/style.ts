import { defaultStyleId, findStyle, type LoadedStyle, readLocale, styleHint } from '../citations/styles.ts'
import { type ResolvedConfig, siteStyle } from '../config/resolve.ts'
import type { BriefSource } from '../content/load-brief.ts'
import { cacheKey } from '../core/cache.ts'
import type { BriefMeta } from '../core/front-matter.ts'
import { BriefkitError } from '../reporting/errors.ts'
import { reportError } from '../reporting/messages.ts'

/** What picks a brief's citation style: its front matter's `csl:` and `lang:`. */
export type StyleMeta = Pick<BriefMeta, 'csl' | 'lang'>

/** The citation style a brief asks for (its own `csl:`, the site's, or its language's default), looked up. */
export function briefStyle(
  source: BriefSource,
  config: ResolvedConfig,
): { spec: string; own: boolean } & ReturnType<typeof findStyle> {
  return styleOf(source.brief.meta, source.location.dir, config)
}

/**
 * A hash of the citation style and the locales a brief is compiled with (`dir` is the folder of its
 * brief.md, which its own `.csl` path is relative to): a compiled brief is reused only while it is
 * the same, so an edited `.csl` file or a style installed under its id compiles the brief again.
 */
export function styleKey(meta: StyleMeta, dir: string, config: ResolvedConfig): string {
  const { spec, style } = styleOf(meta, dir, config)
  return cacheKey([spec, style?.xml ?? '', readLocale(meta.lang) ?? '', readLocale('en') ?? ''])
}

function styleOf(
  meta: StyleMeta,
  dir: string,
  config: ResolvedConfig,
): { spec: string; own: boolean } & ReturnType<typeof findStyle> {
  const own = meta.csl
  const spec = own ?? siteStyle(config, meta.lang) ?? defaultStyleId(meta.lang)
  return { spec, own: own !== undefined, ...findStyle(spec, own ? dir : config.contentDir, config.cslStyleDirs) }
}

/**
 * The brief's citation style, loaded: `csl:` in brief.md, else site.yaml's for its language (checked
 * when site.yaml was read), else the language's default. An unknown style of the brief's own is an
 * error at its `csl:` (undefined is returned); a missing default is the machine's problem (throws).
 */
export function resolveStyle(source: BriefSource, config: ResolvedConfig): LoadedStyle | undefined {
  const { brief } = source
  const { spec, own, style, suggestions } = briefStyle(source, config)
  if (style) return style
  if (!own && !siteStyle(config, brief.meta.lang)) {
    throw new BriefkitError(`The default citation style \`${spec}\` is not installed`, {
      hint: "Install Debian's citation-style-language-styles, or name a `.csl` file with `csl:` in brief.md.",
    })
  }
  reportError(
    brief.file,
    `Unknown citation style \`${spec}\``,
    own ? brief.yaml.pointAt(['csl']) : undefined,
    'unknown-style',
    styleHint(spec, suggestions),
  )
  return undefined
}
