import { describe, expect, it } from 'vitest'
import { defaultArgumentKinds } from '../../src/config/kinds.ts'
import { kindStyles } from '../../src/site/kind-styles.ts'

describe('kindStyles', () => {
  it('gives each kind a palette colour in the order the site lists them, wrapping after eight', () => {
    const kinds = [...defaultArgumentKinds, ...['a', 'b', 'c', 'd'].map((id) => ({ id, label: id }))]
    const file = kindStyles(kinds)
    expect(file.path).toBe('assets/kinds.css')
    const css = 'content' in file ? String(file.content) : ''
    expect(css).toContain('[data-kind="policy"] { --kind: var(--kind-1); }')
    expect(css).toContain('[data-kind="value"] { --kind: var(--kind-5); }')
    expect(css).toContain('[data-kind="d"] { --kind: var(--kind-1); }')
  })
})
