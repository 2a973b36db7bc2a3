import fs from 'node:fs'

/** One process as `/proc/<pid>/stat` tells it: its parent and its resident memory in bytes. */
export interface ProcessEntry {
  pid: number
  ppid: number
  rss: number
}

/**
 * Read one `/proc/<pid>/stat` line. The command name (field 2) is in parentheses and may hold spaces
 * or parentheses itself, so the fields are counted from the last `)`: state, ppid, … rss (pages) is
 * the 24th field.
 */
export function parseStat(pid: number, stat: string, pageSize = 4096): ProcessEntry | undefined {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  const ppid = Number(fields[1])
  const pages = Number(fields[21])
  if (!Number.isFinite(ppid) || !Number.isFinite(pages)) return undefined
  return { pid, ppid, rss: pages * pageSize }
}

/** The resident memory of `root` and every process below it, from a table of processes. */
export function subtreeRss(entries: readonly ProcessEntry[], root: number): number {
  const children = new Map<number, number[]>()
  const rss = new Map<number, number>()
  for (const { pid, ppid, rss: bytes } of entries) {
    children.set(ppid, [...(children.get(ppid) ?? []), pid])
    rss.set(pid, bytes)
  }
  let total = 0
  const seen = new Set<number>()
  const stack = [root]
  while (stack.length > 0) {
    const pid = stack.pop() as number
    if (seen.has(pid)) continue
    seen.add(pid)
    total += rss.get(pid) ?? 0
    stack.push(...(children.get(pid) ?? []))
  }
  return total
}

/** Every process of the machine, from `/proc`. */
export function processTable(): ProcessEntry[] {
  const entries: ProcessEntry[] = []
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    try {
      const entry = parseStat(Number(name), fs.readFileSync(`/proc/${name}/stat`, 'utf8'))
      if (entry) entries.push(entry)
    } catch {
      // Note: a process can end between listing and reading it.
    }
  }
  return entries
}

/** Resident memory (bytes) of this process and every process below it (Chromium and its helpers). */
export function treeRss(root = process.pid): number {
  return subtreeRss(processTable(), root)
}

/** Sample `treeRss` while `work` runs; returns its result and the peak. */
export async function withPeakRss<T>(work: () => Promise<T>): Promise<{ result: T; peak: number }> {
  const sampler = sampleRss(process.pid)
  try {
    const result = await work()
    return { result, peak: sampler.stop() }
  } finally {
    sampler.stop()
  }
}

/** Sample the memory of `root`'s process tree every `interval` ms until `stop()`, which returns the peak. */
export function sampleRss(root: number, interval = 50): { stop: () => number } {
  let peak = treeRss(root)
  const timer = setInterval(() => {
    peak = Math.max(peak, treeRss(root))
  }, interval)
  let stopped = false
  return {
    stop() {
      if (!stopped) {
        clearInterval(timer)
        peak = Math.max(peak, treeRss(root))
        stopped = true
      }
      return peak
    },
  }
}
