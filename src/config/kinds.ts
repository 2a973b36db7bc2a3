import type { LocalizedString } from './schema.ts'

/** An argument kind with its labels. */
export interface ArgumentKind {
  id: string
  label: LocalizedString
}

/** The five kinds a brief argues on when site.yaml declares none. */
export const defaultArgumentKinds: readonly ArgumentKind[] = [
  { id: 'policy', label: { zh: '政策与监管', en: 'Policy' } },
  { id: 'environment', label: { zh: '能源与环境', en: 'Environment' } },
  { id: 'economics', label: { zh: '经济', en: 'Economics' } },
  { id: 'centralization', label: { zh: '中心化', en: 'Centralization' } },
  { id: 'value', label: { zh: '社会价值', en: 'Value' } },
]

/** Pick the string for `lang` (or its base language), falling back to the first one given. */
export function localize(value: LocalizedString, lang: string): string {
  if (typeof value === 'string') return value
  const base = lang.split('-')[0] ?? lang
  return value[lang] ?? value[base] ?? Object.values(value)[0] ?? ''
}

/** The label of an argument kind in a language (the id itself for a kind the site does not list). */
export function kindLabel(kinds: readonly ArgumentKind[], id: string, lang: string): string {
  return localize(kinds.find((k) => k.id === id)?.label ?? id, lang)
}
