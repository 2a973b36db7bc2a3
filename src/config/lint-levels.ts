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
  'placeholder-text': 'error',
  'dangling-relation': 'error',
  'support-cycle': 'error',
  'unanswered-objection': 'warn',
  'response-without-objection': 'error',
} as const satisfies Record<string, LintLevel>

/**
 * Where a draft run (`check`, `dev`) sets a rule lower than `lintDefaults`: a rule that guards
 * publishing, which a half-written brief may break while it is written but never when it is built.
 */
export const draftLintDefaults = {
  'placeholder-text': 'warn',
} as const satisfies Partial<Record<LintRule, LintLevel>>

/** A lint rule's id. */
export type LintRule = keyof typeof lintDefaults
