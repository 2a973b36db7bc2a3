import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  checkShards,
  folderHash,
  manifestFile,
  manifestFormat,
  type ReadShard,
  readManifest,
  readShardBrief,
  type ShardManifest,
  sha256,
} from '../../src/orchestrate/manifest.ts'

const inputs = { briefkit: '0.1.0', content: 'c'.repeat(64), config: 'f'.repeat(64) }

/** A shard as merge reads it: shard `index` of 3 holding `slugs` (zh editions). */
function shard(index: number, slugs: string[], changes: Partial<ShardManifest> = {}): ReadShard {
  const manifest: ShardManifest = {
    format: manifestFormat,
    ...inputs,
    pdf: true,
    shard: { index, count: 3 },
    contentDir: '/ci/content',
    briefs: slugs.map((slug, order) => ({
      slug,
      lang: 'zh',
      order,
      brief: `briefs/${order}.json`,
      pdf: undefined,
      card: undefined,
      hashes: {},
    })),
    ...changes,
  }
  return { dir: `dist-shard-${index}-of-3`, manifest }
}

const three = () => [shard(1, ['a']), shard(2, ['b']), shard(3, [])]

describe('checkShards', () => {
  it('takes shards 1..n of the same content, each once', () => {
    expect(() => checkShards(three(), inputs)).not.toThrow()
    expect(() => checkShards(three().reverse(), inputs)).not.toThrow()
  })

  it('refuses a shard built from other content, naming it', () => {
    const shards = three()
    shards[1] = shard(2, ['b'], { content: 'd'.repeat(64) })
    expect(() => checkShards(shards, inputs)).toThrow(
      'Shard `dist-shard-2-of-3` was built from other content than the content folder given to merge',
    )
  })

  it('refuses a shard of another theme or lint levels, or of another briefkit', () => {
    expect(() => checkShards([shard(1, [], { config: '0'.repeat(64) }), ...three().slice(1)], inputs)).toThrow(
      /`dist-shard-1-of-3` was built with another theme/,
    )
    expect(() => checkShards([shard(1, [], { briefkit: '0.0.9' }), ...three().slice(1)], inputs)).toThrow(
      /was built by briefkit 0.0.9, not 0.1.0/,
    )
  })

  it('refuses shards of different n, a shard twice, a missing shard, a brief twice, PDFs in some only', () => {
    expect(() => checkShards([...three(), shard(1, [], { shard: { index: 1, count: 4 } })], inputs)).toThrow(
      /is shard 1\/4, but `dist-shard-1-of-3` is of 3/,
    )
    expect(() => checkShards([...three(), { ...shard(2, []), dir: 'again' }], inputs)).toThrow(
      'Shard `again` is shard 2/3, as `dist-shard-2-of-3` is',
    )
    expect(() => checkShards(three().slice(0, 2), inputs)).toThrow('Shards 3/3 are missing')
    expect(() => checkShards([shard(1, ['a']), shard(2, ['a']), shard(3, [])], inputs)).toThrow(
      'Shard `dist-shard-2-of-3` holds the brief `zh/a`, as `dist-shard-1-of-3` does',
    )
    expect(() => checkShards([shard(1, []), shard(2, [], { pdf: false }), shard(3, [])], inputs)).toThrow(
      /was built without PDFs, but `dist-shard-1-of-3` with/,
    )
    expect(() => checkShards([], inputs)).toThrow(/needs the shard folders/)
  })
})

describe('shard folders', () => {
  const scratch = () => fs.mkdtempSync(path.join(os.tmpdir(), 'briefkit-manifest-'))

  it('refuses a folder that is not a shard', () => {
    const dir = scratch()
    expect(() => readManifest(dir)).toThrow(`\`${dir}\` is not a shard folder: its manifest.json cannot be read`)
    fs.writeFileSync(path.join(dir, manifestFile), JSON.stringify({ format: 99, briefs: [], shard: {} }))
    expect(() => readManifest(dir)).toThrow(/is a shard of another format/)
  })

  it("reads a brief back with its paths in this machine's content folder, and refuses one changed since", () => {
    const dir = scratch()
    const text = JSON.stringify({
      slug: 'a',
      sourcePath: '/ci/content/a/brief.md',
      assets: [{ from: '/ci/content-x/y' }],
    })
    fs.mkdirSync(path.join(dir, 'briefs'))
    fs.writeFileSync(path.join(dir, 'briefs', '0.json'), text)
    const read = shard(1, ['a'])
    const entry = read.manifest.briefs[0]!
    entry.hashes = { 'briefs/0.json': sha256(text) }
    const brief = readShardBrief({ ...read, dir }, entry, '/home/me/site/content')
    expect(brief.sourcePath).toBe('/home/me/site/content/a/brief.md')
    expect(brief.assets[0]?.from).toBe('/ci/content-x/y')
    fs.appendFileSync(path.join(dir, 'briefs', '0.json'), ' ')
    expect(() => readShardBrief({ ...read, dir }, entry, '/x')).toThrow(
      /`briefs\/0.json` is not the file its manifest names/,
    )
  })

  it("hashes a folder by its files' paths and bytes", () => {
    const dir = scratch()
    fs.mkdirSync(path.join(dir, 'a'))
    fs.writeFileSync(path.join(dir, 'a', 'x.md'), 'one')
    const first = folderHash(dir)
    fs.writeFileSync(path.join(dir, 'a', 'x.md'), 'two')
    const second = folderHash(dir)
    fs.renameSync(path.join(dir, 'a', 'x.md'), path.join(dir, 'a', 'y.md'))
    expect(new Set([first, second, folderHash(dir)]).size).toBe(3)
    const copy = scratch()
    fs.cpSync(dir, copy, { recursive: true })
    expect(folderHash(copy)).toBe(folderHash(dir))
  })
})
