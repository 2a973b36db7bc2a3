import { describe, expect, it } from 'vitest'
import { defaultShardDir, inShard, parseShard, shardOf } from '../../src/orchestrate/shards.ts'

const slugs = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `brief-${String(from + i).padStart(4, '0')}`)

describe('shardOf', () => {
  it('gives the same shard for the same slug, from 1 to n', () => {
    for (const slug of slugs(50)) {
      const shard = shardOf(slug, 3)
      expect(shard).toBe(shardOf(slug, 3))
      expect(shard).toBeGreaterThanOrEqual(1)
      expect(shard).toBeLessThanOrEqual(3)
    }
  })

  it('pins the assignment: a change of hash would move every brief of every site', () => {
    expect(slugs(8, 1).map((s) => shardOf(s, 3))).toEqual([1, 3, 2, 3, 1, 1, 2, 2])
  })

  it('shares 300 briefs among 3 shards within a third of even', () => {
    const counts = [0, 0, 0]
    for (const slug of slugs(300)) counts[shardOf(slug, 3) - 1]! += 1
    for (const count of counts) expect(Math.abs(count - 100)).toBeLessThan(34)
  })

  it('puts every brief in exactly one shard', () => {
    for (const slug of slugs(20)) {
      const holders = [1, 2, 3].filter((index) => inShard(slug, { index, count: 3 }))
      expect(holders).toHaveLength(1)
      expect(inShard(slug, undefined)).toBe(true)
    }
  })
})

describe('parseShard', () => {
  it('reads i/n', () => {
    expect(parseShard('2/3')).toEqual({ index: 2, count: 3 })
    expect(parseShard('1/1')).toEqual({ index: 1, count: 1 })
    expect(defaultShardDir({ index: 2, count: 3 })).toBe('dist-shard-2-of-3')
  })

  it.each(['0/3', '4/3', '2', '2/0', '-1/3', 'a/b', '1/3/4', ' 1/3', '1/1001'])('refuses `%s` with a hint', (text) => {
    expect(() => parseShard(text)).toThrow(`\`--shard ${text}\` is not a shard`)
    try {
      parseShard(text)
    } catch (error) {
      expect((error as { hint?: string }).hint).toMatch(/--shard 2\/3/)
    }
  })
})
