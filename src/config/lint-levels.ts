/** How loudly a lint rule speaks: set per rule under `lint:` in site.yaml. */
export type LintLevel = 'off' | 'warn' | 'error'

/** Every lint rule and its level when site.yaml says nothing. */
export const lintDefaults = {
  'uncited-argument': 'warn',
  'uncited-reference': 'warn',
  'required-kinds': 'error',
  'image-alt': 'warn',
  'figure-source': 'warn',
  'unreferenced-figure': 'warn',
  'cjk-punctuation': 'warn',
  'cjk-spacing': 'warn',
  'summary-figure': 'warn',
  'uncited-figure': 'warn',
  'dead-link': 'error',
} as const satisfies Record<string, LintLevel>

/** A lint rule's id. */
export type LintRule = keyof typeof lintDefaults
