import type { ThemeFont } from '../../theme/theme.ts'

/**
 * The font family list of the theme's fonts, for CSS and vega: `"Noto Sans", "Noto Sans SC", sans-serif`.
 * In a Chinese, Japanese or Korean page the CJK family comes first, as the themes' stylesheets set
 * it for such text (`:lang(zh)`, for full-width punctuation), so that a chart or map is measured in the
 * fonts it is shown in.
 */
export function fontFamilyList(fonts: readonly ThemeFont[], lang = 'en'): string {
  const families = [...new Set(fonts.map((font) => font.family))]
  const cjkPage = /^(zh|ja|ko)\b/i.test(lang)
  const cjk = (family: string) => /\b(SC|TC|HK|JP|KR|CJK)\b/.test(family)
  const ordered = cjkPage ? [...families.filter(cjk), ...families.filter((f) => !cjk(f))] : families
  return [...ordered.map((family) => `"${family.replace(/["\\]/g, '')}"`), 'sans-serif'].join(', ')
}
