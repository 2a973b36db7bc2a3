import { VFile } from 'vfile'
import { describe, expect, it } from 'vitest'
import { parseMarkdown } from '../../src/content/parse.ts'
import { lintText } from '../../src/lint/lints.ts'

describe('withinCap (166,000 messages for half a megabyte of one mistake took seconds to report)', () => {
  it('lists the first 100 findings of a rule in a file, then one warning that the rest are left out', () => {
    const file = new VFile({ path: 'x.md', value: `${'中a '.repeat(5000)}\n` })
    lintText({ lint: {} }, { tree: parseMarkdown(file), file })
    expect(file.messages).toHaveLength(101)
    expect(file.messages.at(-1)?.reason).toBe('More `cjk-spacing` problems in this file are not listed')
  })
})
