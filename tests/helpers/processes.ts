import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/** The briefkit command line, as a user runs it. */
export const briefkitBin = path.resolve(import.meta.dirname, '..', '..', 'bin', 'briefkit.js')

/** A briefkit process run by a test, with what it prints and how it ended. */
export interface Run {
  child: ChildProcess
  output: () => string
  /** Resolves with the exit code (or 128 + signal number when killed by one) and the seconds it took. */
  exit: Promise<{ code: number; seconds: number }>
}

/** Start `node bin/briefkit.js ...args` as a child process. */
export function startBriefkit(args: string[], env: NodeJS.ProcessEnv = {}): Run {
  const child = spawn(process.execPath, [briefkitBin, ...args], {
    env: { ...process.env, ...env, CI: 'true' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString()
  })
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString()
  })
  const started = performance.now()
  const exit = new Promise<{ code: number; seconds: number }>((resolve) => {
    child.on('exit', (code, signal) =>
      resolve({
        code: code ?? 128 + (signal ? os.constants.signals[signal] : 0),
        seconds: (performance.now() - started) / 1000,
      }),
    )
  })
  return { child, output: () => output, exit }
}

/** Every process descending from `pid`, with its command line (Linux /proc). */
export function descendants(pid: number): Array<{ pid: number; args: string }> {
  const parents = new Map<number, number>()
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8')
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      parents.set(Number(name), ppid)
    } catch {
      // Note: the process ended while being read.
    }
  }
  const found: Array<{ pid: number; args: string }> = []
  const walk = (parent: number) => {
    for (const [child, ppid] of parents) {
      if (ppid !== parent) continue
      let args = ''
      try {
        args = fs.readFileSync(`/proc/${child}/cmdline`, 'utf8').replaceAll('\0', ' ')
      } catch {
        continue
      }
      found.push({ pid: child, args })
      walk(child)
    }
  }
  walk(pid)
  return found
}

/** Whether a process runs (and is not a zombie). */
export function isAlive(pid: number): boolean {
  try {
    return !/\) Z /.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'))
  } catch {
    return false
  }
}

/** Poll `check` every 20 ms until it returns something, or fail after `ms`. */
export async function waitFor<T>(check: () => T | undefined | false, ms: number, what: string): Promise<T> {
  const until = performance.now() + ms
  for (;;) {
    const value = check()
    if (value) return value
    if (performance.now() > until) throw new Error(`Timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

/** Chromium's browser process among a briefkit process's children, once it has opened a page (a renderer runs). */
export function printingChromium(pid: number): number | undefined {
  const tree = descendants(pid)
  const browser = tree.find((p) => /chrom/i.test(p.args) && !p.args.includes('--type='))
  // Note: Chromium starts a renderer of its own (`--top-chrome-webui`) before any page is opened.
  if (!browser || !tree.some((p) => p.args.includes('--type=renderer') && !p.args.includes('--top-chrome-webui')))
    return undefined
  return browser.pid
}

/** The staging and old folders a build leaves beside its out dir, if any. */
export function leftovers(outDir: string): string[] {
  return fs.readdirSync(path.dirname(outDir)).filter((name) => name.startsWith(`${path.basename(outDir)}.briefkit-`))
}
