import { VFile } from 'vfile'
import { describe, expect, it } from 'vitest'
import { reportError, reportWarning } from '../../src/reporting/messages.ts'
import { collectDiagnostics, countDiagnostics, formatDiagnostics } from '../../src/reporting/report.ts'

describe('diagnostics', () => {
  it('formats `path:line:column: severity: message [rule-id]` with the hint below, sorted by place', () => {
    const a = new VFile({ path: '/site/content/b.md' })
    const b = new VFile({ path: '/site/content/a.md' })
    reportWarning(a, 'Later', { line: 9, column: 2 }, 'rule-b')
    reportError(a, 'Sooner', { line: 3, column: 4 }, 'rule-a', 'Do this.')
    reportError(b, 'First file', undefined, 'rule-c')
    const diagnostics = collectDiagnostics([a, b], '/site')
    expect(formatDiagnostics(diagnostics)).toBe(
      [
        'content/a.md:1:1: error: First file [rule-c]',
        'content/b.md:3:4: error: Sooner [rule-a]',
        '  hint: Do this.',
        'content/b.md:9:2: warning: Later [rule-b]',
      ].join('\n'),
    )
    expect(countDiagnostics(diagnostics)).toEqual({ errors: 2, warnings: 1 })
  })
})
