import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadConfig } from '../../src/config/resolve.ts'
import { discoverBriefs } from '../../src/content/discover.ts'
import { loadBrief } from '../../src/content/load-brief.ts'
import { briefUnits, moveMessages } from '../../src/pipeline/units.ts'
import { reportWarning } from '../../src/reporting/messages.ts'
import { copySite } from '../helpers/sites.ts'

/** The unseen site's brief, read, after `edit` changed its files. */
function source(edit: (dir: string) => void = () => {}) {
  const site = copySite('unseen')
  edit(path.join(site.content, 'urban-trees'))
  const { config } = loadConfig(site.content)
  const [location] = config ? discoverBriefs(config).briefs : []
  if (!config || !location) throw new Error('the unseen site did not load')
  const read = loadBrief(location, config).source
  if (!read) throw new Error('the unseen brief did not load')
  return read
}

describe('briefUnits', () => {
  it('splits a brief into its units in reading order, each with its own id prefix', () => {
    const units = briefUnits(source())
    expect(units.all.map((u) => u.idPrefix)).toEqual([
      'summary-',
      'finding-1-',
      'intro-',
      'evidence-claim-',
      'evidence-',
      'cost-claim-',
      'cost-',
      'equity-claim-',
      'equity-',
      'conclusion-',
      ...units.recommendations.map((_, i) => `recommendation-${i + 1}-`),
    ])
    expect(units.summary.owner?.path).toMatch(/brief\.md$/)
    expect(units.intro.owner).toBeUndefined()
  })

  it('numbers the second argument of a kind (`cost-2`), so section ids never clash', () => {
    const units = briefUnits(
      source((dir) => {
        const file = path.join(dir, 'arguments', 'c-equity.md')
        fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('kind: equity', 'kind: cost'))
      }),
    )
    expect(units.args.map((a) => a.id)).toEqual(['evidence', 'cost', 'cost-2'])
  })

  it("moves a front-matter field's messages to the field's place in its file", () => {
    const { summary } = briefUnits(source())
    reportWarning(summary.file, 'Something about the summary', { line: 1, column: 5 }, 'test-rule')
    moveMessages(summary)
    expect(summary.file.messages).toEqual([])
    const [moved] = summary.owner?.messages ?? []
    expect([moved?.reason, moved?.line]).toEqual(['Something about the summary', 10])
  })
})
