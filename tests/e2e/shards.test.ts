import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { shardOf } from '../../src/orchestrate/shards.ts'
import { startBriefkit } from '../helpers/processes.ts'
import { snapshot } from '../helpers/sites.ts'

const repo = path.resolve(import.meta.dirname, '..', '..')
const env = { SOURCE_DATE_EPOCH: '1764000000' }

/** `node bin/briefkit.js ...args` in a child process, as CI runs it; fails the test on a non-zero exit. */
async function briefkit(args: string[], expected = 0): Promise<string> {
  const run = startBriefkit(args, env)
  const { code } = await run.exit
  expect(code, run.output()).toBe(expected)
  return run.output()
}

/**
 * A corpus of `briefs` distinct briefs (bench/corpus.ts) in three identical content folders, as three
 * machines check it out: one for a single build, one for the shards, one for the merge. Each keeps
 * its build cache beside it (`cache: ../cache`), so nothing comes from another's cache.
 */
function corpus(briefs: number): { root: string; single: string; shards: string; merge: string } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'briefkit-shards-'))
  const first = path.join(root, 'single', 'content')
  execFileSync(process.execPath, [
    path.join(repo, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
    path.join(repo, 'bench', 'corpus.ts'),
    '--briefs',
    String(briefs),
    '--out',
    first,
  ])
  fs.appendFileSync(path.join(first, 'site.yaml'), 'cache: ../cache\n')
  for (const name of ['shards', 'merge']) fs.cpSync(first, path.join(root, name, 'content'), { recursive: true })
  return {
    root,
    single: first,
    shards: path.join(root, 'shards', 'content'),
    merge: path.join(root, 'merge', 'content'),
  }
}

/** Build `content` as 3 shards at once, then merge them from `mergeContent` into `<root>/merged`. */
async function shardAndMerge(site: ReturnType<typeof corpus>, extra: string[]): Promise<string[]> {
  const dirs = [1, 2, 3].map((i) => path.join(site.root, `shard-${i}`))
  await Promise.all(
    dirs.map((dir, i) =>
      briefkit(['build', '--content', site.shards, '--shard', `${i + 1}/3`, '--out', dir, ...extra]),
    ),
  )
  await briefkit(['merge', ...dirs, '--content', site.merge, '--out', path.join(site.root, 'merged')])
  return dirs
}

/** Every file of a folder, relative, sorted. */
const filesOf = (dir: string) => Object.keys(snapshot(dir)).sort()

// Note: Chromium numbers the tagged PDF's structure elements (`/ID (node00009524)` of a table's header
// cells, and the `/Headers` and `/Limits` that name them) by a counter of its renderer, which counts
// whatever the browser laid out before: two single builds differ there too. Nothing else differs.
const withoutNodeIds = (pdf: Buffer) => pdf.toString('latin1').replace(/\(node\d+\)/g, '(node)')

describe('a site built as 3 shards and merged', () => {
  let site: ReturnType<typeof corpus>

  beforeAll(async () => {
    site = corpus(7)
    await briefkit(['build', '--no-pdf', '--content', site.single, '--out', path.join(site.root, 'single-out')])
    await shardAndMerge(site, ['--no-pdf'])
  }, 120_000)

  it('gives every shard some of the briefs (else this test would not test merging)', () => {
    const counts = [1, 2, 3].map(
      (i) => JSON.parse(fs.readFileSync(path.join(site.root, `shard-${i}`, 'manifest.json'), 'utf8')).briefs.length,
    )
    for (const count of counts) expect(count).toBeGreaterThan(0)
    expect(counts.reduce((a, b) => a + b)).toBe(14)
  })

  it('is the single build, file for file and byte for byte, search index included', () => {
    const single = path.join(site.root, 'single-out')
    const merged = path.join(site.root, 'merged')
    expect(filesOf(merged)).toEqual(filesOf(single))
    expect(filesOf(merged).some((f) => f.startsWith('pagefind/'))).toBe(true)
    for (const file of filesOf(single)) {
      const same = fs.readFileSync(path.join(single, file)).equals(fs.readFileSync(path.join(merged, file)))
      expect(same, file).toBe(true)
    }
  })

  it('refuses a shard built from other content, naming it, and leaves the out dir as it was', async () => {
    const out = path.join(site.root, 'merged')
    const before = snapshot(out)
    const brief = path.join(site.merge, 'brief-0003', 'brief.md')
    fs.appendFileSync(brief, '\nOne more sentence.\n')
    const dirs = [1, 2, 3].map((i) => path.join(site.root, `shard-${i}`))
    const output = await briefkit(['merge', ...dirs, '--content', site.merge, '--out', out], 2)
    expect(output).toContain(`Shard \`${dirs[0]}\` was built from other content than the content folder given to merge`)
    expect(output).toMatch(/hint: Build every shard and merge from the same commit/)
    expect(snapshot(out)).toEqual(before)
  })
})

describe('a site with PDFs built as 3 shards and merged', () => {
  let site: ReturnType<typeof corpus>

  beforeAll(async () => {
    site = corpus(2)
    // Note: the two briefs are in two shards, and the third is empty.
    expect(['brief-0001', 'brief-0002'].map((s) => shardOf(s, 3))).toEqual([1, 3])
    await briefkit(['build', '--content', site.single, '--out', path.join(site.root, 'single-out')])
    await shardAndMerge(site, [])
  }, 180_000)

  it('is the single build, its PDFs but for the numbers Chromium gives structure elements', () => {
    const single = path.join(site.root, 'single-out')
    const merged = path.join(site.root, 'merged')
    expect(filesOf(merged)).toEqual(filesOf(single))
    const pdfs = filesOf(single).filter((f) => f.endsWith('.pdf'))
    expect(pdfs).toHaveLength(4)
    expect(filesOf(single).filter((f) => f.endsWith('.card.png'))).toHaveLength(4)
    for (const file of filesOf(single)) {
      const [a, b] = [single, merged].map((dir) => fs.readFileSync(path.join(dir, file)))
      if (file.endsWith('.pdf')) expect(withoutNodeIds(b!), file).toBe(withoutNodeIds(a!))
      else expect(a!.equals(b!), file).toBe(true)
    }
  })
})
