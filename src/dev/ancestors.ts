import fs from 'node:fs'

/** What /proc tells about a process (Linux). */
interface ProcessStat {
  state: string
  ppid: number
  pgrp: number
  /** Clock ticks after boot: with the pid, names the process even once the pid is reused. */
  start: string
}

/** How often `watchAncestors` looks. */
const checkInterval = 1000

/** Call `onGone` once when the processes that started this one are gone (see `ancestorsGone`); returns a function to stop watching. */
export function watchAncestors(onGone: () => void): () => void {
  const gone = ancestorsGone()
  const timer = setInterval(() => {
    if (!gone()) return
    clearInterval(timer)
    onGone()
  }, checkInterval)
  // Note: watching must not keep the process alive once everything else is done.
  timer.unref()
  return () => clearInterval(timer)
}

/**
 * A test whether the processes that started this one are gone: the parent, and on Linux every
 * process above it in the same job (process group). `npm run` starts `sh -c node …`: killing npm
 * leaves the shell running, so the parent alone would not tell.
 */
export function ancestorsGone(): () => boolean {
  const parent = process.ppid
  const self = readStat('self')
  const chain: Array<{ pid: number; start: string }> = []
  for (let pid = parent; self && pid > 1 && chain.length < 32; ) {
    const stat = readStat(String(pid))
    if (!stat || (chain.length > 0 && stat.pgrp !== self.pgrp)) break
    chain.push({ pid, start: stat.start })
    if (pid === self.pgrp) break
    pid = stat.ppid
  }
  return () =>
    process.ppid !== parent ||
    chain.some(({ pid, start }) => {
      const stat = readStat(String(pid))
      return !stat || stat.start !== start || stat.state === 'Z'
    })
}

function readStat(pid: string): ProcessStat | undefined {
  let text: string
  try {
    text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
  } catch {
    return undefined
  }
  // Note: the command name (2nd field) is in parentheses and may hold spaces and parentheses.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ')
  const [state = '', ppid = '', pgrp = ''] = fields
  return { state, ppid: Number(ppid), pgrp: Number(pgrp), start: fields[19] ?? '' }
}
