import { describe, expect, it } from 'vitest'
import { ancestorsGone } from '../../src/dev/ancestors.ts'

// Note: that it notices a parent, or a process above it, killed is tested with real processes in tests/cli/dev.test.ts.
describe('ancestorsGone', () => {
  it('is false while the processes that started this one run', async () => {
    const gone = ancestorsGone()
    expect(gone()).toBe(false)
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(gone()).toBe(false)
  })
})
