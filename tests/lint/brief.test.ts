import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadConfig, type ResolvedConfig } from '../../src/config/resolve.ts'
import { discoverBriefs } from '../../src/content/discover.ts'
import { loadBrief } from '../../src/content/load-brief.ts'
import { lintBrief, lintUncited } from '../../src/lint/brief.ts'
import { briefUnits } from '../../src/pipeline/units.ts'
import { copySite } from '../helpers/sites.ts'

function loaded() {
  const site = copySite('unseen')
  const { config } = loadConfig(site.content)
  const [location] = config ? discoverBriefs(config).briefs : []
  const read = config && location && loadBrief(location, config).source
  if (!config || !read) throw new Error('the unseen brief did not load')
  return { config, source: read }
}

/** The rules lintBrief reported, as `rule file:line`, for the brief read as it is (no citations collected). */
function lintWith(config: ResolvedConfig, source: ReturnType<typeof loaded>['source'], reasons = false): string[] {
  const { summary, findings, intro, args, errata, all } = briefUnits(source)
  lintBrief(source, config, {
    front: [summary, ...findings],
    body: [intro, ...args.flatMap((a) => [a.claim, a.body])],
    units: all,
    errata,
    args,
  })
  const files = new Set([source.brief.file, ...source.arguments.map((a) => a.file), ...all.map((u) => u.file)])
  return [...files].flatMap((f) =>
    f.messages.map((m) => `${m.ruleId} ${path.basename(f.path ?? '')}:${m.line}${reasons ? ` ${m.reason}` : ''}`),
  )
}

describe('lintBrief', () => {
  it('finds an argument whose claim and text cite nothing (no citation was collected here), at its claim', () => {
    const { config, source } = loaded()
    const found = lintWith(config, source)
    expect(found.filter((r) => r.startsWith('uncited-argument'))).toEqual([
      'uncited-argument a-evidence.md:4',
      'uncited-argument b-cost.md:4',
      'uncited-argument c-equity.md:4',
    ])
  })

  it('finds a required kind that is missing, at the level site.yaml sets', () => {
    const { config, source } = loaded()
    const found = lintWith(
      {
        ...config,
        requiredKinds: ['evidence', 'budget'],
        // Note: no citation is collected here, so every figure would look uncited too.
        lint: { 'uncited-argument': 'off', 'uncited-figure': 'off' },
      },
      source,
    )
    expect(found.filter((r) => r.startsWith('required-kinds'))).toEqual(['required-kinds brief.md:undefined'])
    expect(source.brief.file.messages[0]?.fatal).toBe(true)
  })

  it('leaves the figure an erratum corrects uncited: it names the old figure, whose source is the brief itself', () => {
    const { config, source } = loaded()
    source.brief.meta.errata = [{ date: '2026-10-20', text: 'Corrected the growth of sales in 2022 from 13% to 11%.' }]
    const found = lintWith({ ...config, lint: { 'uncited-argument': 'off' } }, source, true)
    expect(found.filter((r) => r.includes('`13%`') || r.includes('`11%`'))).toEqual([])
  })
})

describe('lintUncited', () => {
  it('finds each bibliography entry the brief never cites, at its entry', () => {
    const { config, source } = loaded()
    const keys = [...source.bibliography.items.keys()]
    lintUncited(source, new Set(keys.slice(1)), config)
    expect(source.bibliography.file?.messages.map((m) => m.reason)).toEqual([
      `\`${keys[0]}\` is in the bibliography but never cited`,
    ])
  })
})
