import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'

// The shipped workflow (docs/shards.md) checked for what actionlint cannot see: that its matrix, the
// `i/n` of each shard and merge's list of shard folders agree, so a change to one is not left half made.
// actionlint itself is run by hand (see docs/shards.md): it has no command-line build on npm.
const file = path.resolve(import.meta.dirname, '..', '..', '.github', 'workflows', 'site.yml')
const workflow = parse(fs.readFileSync(file, 'utf8'))
type Step = { run?: string; uses?: string; with?: Record<string, unknown> }

describe('.github/workflows/site.yml', () => {
  const shard = workflow.jobs.shard
  const merge = workflow.jobs.merge
  const shards: number[] = shard.strategy.matrix.shard
  const runs = (job: { steps: Step[] }) => job.steps.flatMap((step) => (step.run ? [step.run] : []))

  it('has a matrix of shards 1..n, then a merge that needs them', () => {
    expect(shards).toEqual(shards.map((_, i) => i + 1))
    expect(shards.length).toBeGreaterThan(1)
    expect(merge.needs).toBe('shard')
  })

  it('builds each shard as i/n of the matrix, and merges every shard folder into dist', () => {
    const build = runs(shard).find((run) => run.includes('briefkit build'))
    expect(build).toContain(`--shard "\${{ matrix.shard }}/${shards.length}"`)
    const command = runs(merge).find((run) => run.includes('briefkit merge'))
    expect(command).toBeDefined()
    const folders = (command ?? '').split(/\s+/).filter((word) => word.startsWith('shards/'))
    expect(folders).toEqual(shards.map((i) => `shards/shard-${i}`))
    expect(command).toMatch(/--out dist\b/)
  })

  it('dates every job by the commit, so the shards and the merge agree byte for byte', () => {
    for (const job of [shard, merge])
      expect(runs(job).join('\n')).toContain('SOURCE_DATE_EPOCH=$(git log -1 --format=%ct)')
  })

  it('uploads each shard folder, hidden files included, and the merged dist', () => {
    const upload = shard.steps.find((step: Step) => step.uses?.startsWith('actions/upload-artifact'))
    expect(upload.with.path).toBe(`shard-\${{ matrix.shard }}`)
    expect(upload.with['include-hidden-files']).toBe(true)
    const pages = merge.steps.find((step: Step) => step.uses?.startsWith('actions/upload-pages-artifact'))
    expect(pages.with.path).toBe('dist')
  })
})
