import fs from 'node:fs'

/** Resident memory (bytes) of this process and every process below it (Chromium and its helpers). */
export function treeRss(root = process.pid): number {
  const children = new Map<number, number[]>()
  const rss = new Map<number, number>()
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8')
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      const pid = Number(entry)
      const ppid = Number(fields[1])
      children.set(ppid, [...(children.get(ppid) ?? []), pid])
      rss.set(pid, Number(fields[21]) * 4096)
    } catch {
      // Note: a process can end between listing and reading it.
    }
  }
  let total = 0
  const stack = [root]
  while (stack.length > 0) {
    const pid = stack.pop() ?? 0
    total += rss.get(pid) ?? 0
    stack.push(...(children.get(pid) ?? []))
  }
  return total
}

/** Sample `treeRss` while `work` runs; returns its result and the peak. */
export async function withPeakRss<T>(work: () => Promise<T>): Promise<{ result: T; peak: number }> {
  let peak = treeRss()
  const timer = setInterval(() => {
    peak = Math.max(peak, treeRss())
  }, 50)
  try {
    const result = await work()
    peak = Math.max(peak, treeRss())
    return { result, peak }
  } finally {
    clearInterval(timer)
  }
}
