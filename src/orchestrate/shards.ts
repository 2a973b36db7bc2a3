import { createHash } from 'node:crypto'
import { UsageError } from '../reporting/errors.ts'

/** One share of a site's briefs: shard `index` (1-based) of `count`. */
export interface Shard {
  index: number
  count: number
}

/**
 * The shard (1-based) a brief folder belongs to: the first four bytes of its slug's SHA-256, modulo
 * `count`. Both language editions of a brief share a folder, so they land together; a brief's shard
 * depends on its own slug only, so adding or removing a brief moves no other.
 */
export function shardOf(slug: string, count: number): number {
  return (createHash('sha256').update(slug).digest().readUInt32BE(0) % count) + 1
}

/** Whether a brief folder is in a shard (every brief is, without one). */
export function inShard(slug: string, shard: Shard | undefined): boolean {
  return shard === undefined || shardOf(slug, shard.count) === shard.index
}

/** `--shard 2/3` as a shard; anything else is a UsageError saying what is expected. */
export function parseShard(text: string): Shard {
  const match = /^([1-9]\d*)\/([1-9]\d*)$/.exec(text)
  const index = Number(match?.[1])
  const count = Number(match?.[2])
  if (!match || index > count || count > 1000)
    throw new UsageError(`\`--shard ${text}\` is not a shard`, {
      hint: "Give `i/n`, this machine's share of n (1 ≤ i ≤ n ≤ 1000), e.g. `--shard 2/3`.",
    })
  return { index, count }
}

/** The folder a shard is written to when no `--out` is given: `dist-shard-2-of-3`. */
export function defaultShardDir(shard: Shard): string {
  return `dist-shard-${shard.index}-of-${shard.count}`
}
