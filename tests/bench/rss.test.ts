import { describe, expect, it } from 'vitest'
import { parseStat, processTable, subtreeRss, treeRss } from '../../bench/rss.ts'

// A real line's shape: pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt
// utime stime cutime cstime priority nice threads itrealvalue starttime vsize rss …
const stat = (comm: string, ppid: number, rssPages: number) =>
  `4321 (${comm}) S ${ppid} 4321 4321 0 -1 4194560 1000 0 0 0 12 3 0 0 20 0 11 0 5000 123456789 ${rssPages} 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0`

describe('parseStat', () => {
  it('reads the parent and the resident pages of a stat line', () => {
    expect(parseStat(4321, stat('node', 77, 2500))).toEqual({ pid: 4321, ppid: 77, rss: 2500 * 4096 })
  })

  it('counts fields from the last parenthesis, whatever the command name holds', () => {
    expect(parseStat(4321, stat('chrome (GPU) x', 9, 10))).toEqual({ pid: 4321, ppid: 9, rss: 40960 })
  })

  it('returns undefined for a line it cannot read', () => {
    expect(parseStat(1, 'garbage')).toBeUndefined()
  })
})

describe('subtreeRss', () => {
  const table = [
    { pid: 1, ppid: 0, rss: 1000 },
    { pid: 10, ppid: 1, rss: 100 },
    { pid: 11, ppid: 10, rss: 20 },
    { pid: 12, ppid: 10, rss: 3 },
    { pid: 20, ppid: 1, rss: 5000 },
  ]

  it('sums a process and every process below it, not its siblings or parent', () => {
    expect(subtreeRss(table, 10)).toBe(123)
    expect(subtreeRss(table, 1)).toBe(6123)
  })

  it('is 0 for a process that is gone', () => {
    expect(subtreeRss(table, 99)).toBe(0)
  })
})

describe('treeRss', () => {
  it('finds this process in /proc with some memory', () => {
    expect(processTable().some((p) => p.pid === process.pid)).toBe(true)
    expect(treeRss()).toBeGreaterThan(10e6)
  })
})
