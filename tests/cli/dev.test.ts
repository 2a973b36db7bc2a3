import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { briefkitBin, isAlive, leftovers, printingChromium, waitFor } from '../helpers/processes.ts'
import { copySite, runCli } from '../helpers/sites.ts'

/** A running `briefkit dev` child; `output` is what it and its parent printed so far. */
interface DevProcess {
  parent: ChildProcess
  output: () => string
  /** Resolves with the output once it matches. */
  waitFor: (pattern: RegExp, timeout?: number) => Promise<RegExpMatchArray>
}

/**
 * Start `sh -c` running `node bin/briefkit.js dev …` in the background and waiting for it, as `npm run`
 * does; the shell prints the dev process's pid, and its exit code when it ends. With `wrapped`, the
 * shell is started by a node process, as npm starts it.
 */
function startDev(args: string[], wrapped = false): DevProcess {
  const script = '"$0" "$@" 2>&1 & pid=$!; echo "dev-pid $pid"; wait $pid; echo "dev-exit $?"'
  const shell = ['-c', script, process.execPath, briefkitBin, 'dev', '--port', '0', ...args]
  const npm = `require('node:child_process').spawn('sh', process.argv.slice(1), { stdio: 'inherit' })`
  const parent = wrapped
    ? spawn(process.execPath, ['-e', npm, '--', ...shell], { stdio: ['ignore', 'pipe', 'pipe'] })
    : spawn('sh', shell, { stdio: ['ignore', 'pipe', 'pipe'] })
  let text = ''
  const waiting: Array<() => void> = []
  const take = (chunk: Buffer) => {
    text += chunk.toString()
    for (const wake of waiting.splice(0)) wake()
  }
  parent.stdout?.on('data', take)
  parent.stderr?.on('data', take)
  return {
    parent,
    output: () => text,
    async waitFor(pattern, timeout = 60_000) {
      const deadline = Date.now() + timeout
      for (;;) {
        const match = pattern.exec(text)
        if (match) return match
        if (Date.now() > deadline) throw new Error(`no ${pattern} in:\n${text}`)
        await new Promise<void>((wake) => {
          waiting.push(wake)
          setTimeout(wake, 200)
        })
      }
    },
  }
}

/** Whether something accepts connections at a URL. */
async function listening(url: string): Promise<boolean> {
  return fetch(url).then(
    () => true,
    () => false,
  )
}

/** Resolves once `test` holds, false when `timeout` ms pass first. */
async function eventually(test: () => boolean | Promise<boolean>, timeout: number): Promise<boolean> {
  const deadline = Date.now() + timeout
  while (Date.now() < deadline) {
    if (await test()) return true
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return test()
}

/** Dev processes started, to end any that a failing test leaves running. */
const started: number[] = []

/** Start dev on a copy of the fixture site; resolves once it serves. */
async function serving(args: string[] = ['--no-pdf'], wrapped = false) {
  const site = copySite('unseen')
  const dev = startDev([...args, '--content', site.content, '--out', site.out], wrapped)
  const pid = Number((await dev.waitFor(/^dev-pid (\d+)$/m))[1])
  started.push(pid)
  const url = (await dev.waitFor(/at (http:\/\/127\.0\.0\.1:\d+\/)/))[1] ?? ''
  expect(await listening(url)).toBe(true)
  return { site, dev, pid, url }
}

describe('briefkit dev on the command line', () => {
  it('is in the usage, with --port and --open', async () => {
    const { stdout } = await runCli(['--help'])
    expect(stdout).toMatch(/^ {2}dev {2,}/m)
    expect(stdout).toMatch(/--port N/)
    expect(stdout).toMatch(/--open/)
  })

  it('exits 2 on a port that is not a number, before building anything', async () => {
    const result = await runCli(['dev', '--port', '80a'])
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/`--port 80a` is not a port number/)
  })

  it('exits 2 on an out dir that overlaps the content folder, before serving anything', async () => {
    const site = copySite('unseen')
    const result = await runCli(['dev', '--content', site.content, '--out', path.join(site.content, 'dist')])
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/overlap/)
  })
})

describe('briefkit dev stops, closing its server', () => {
  afterEach(() => {
    for (const pid of started.splice(0)) if (isAlive(pid)) process.kill(pid, 'SIGKILL')
  })

  for (const [signal, code] of [
    ['SIGTERM', 143],
    ['SIGHUP', 129],
    ['SIGINT', 130],
  ] as const) {
    it(`on ${signal}, exiting ${code}${signal === 'SIGHUP' ? ' (dev handled SIGINT and SIGTERM only)' : ''}`, async () => {
      const { dev, pid, url } = await serving()
      process.kill(pid, signal)
      expect((await dev.waitFor(/^dev-exit (\d+)$/m, 10_000))[1]).toBe(String(code))
      expect(dev.output()).toContain(`briefkit: ${signal}: stopping…`)
      expect(await listening(url)).toBe(false)
    })
  }

  it('when its parent process dies (killing `npm run briefkit -- dev` left the server on the port)', async () => {
    const { dev, pid, url } = await serving()
    dev.parent.kill('SIGKILL')
    expect(await eventually(() => !isAlive(pid), 5000), 'dev still runs').toBe(true)
    expect(await listening(url)).toBe(false)
    expect(dev.output()).toContain(
      'briefkit: the process that started `briefkit dev` is gone\nbriefkit: SIGHUP: stopping…',
    )
  })

  it('when the process above its parent dies, as `npm run` above `sh -c` (killing npm left the server on the port)', async () => {
    const { dev, pid, url } = await serving(['--no-pdf'], true)
    dev.parent.kill('SIGKILL')
    expect(await eventually(() => !isAlive(pid), 5000), 'dev still runs').toBe(true)
    expect(await listening(url)).toBe(false)
    expect(dev.output()).toContain(
      'briefkit: the process that started `briefkit dev` is gone\nbriefkit: SIGHUP: stopping…',
    )
    // Note: the shell npm would have started outlives npm, and says how dev ended.
    expect((await dev.waitFor(/^dev-exit (\d+)$/m, 5000))[1]).toBe('129')
  })

  for (const [signal, code] of [
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const) {
    it(`on ${signal} in the middle of the PDF pass: the browser closed, no staging folder left, the site as it was`, async () => {
      const { site, dev, pid, url } = await serving([])
      // Note: the PDF pass starts 1.5 s after the pages are served.
      const browser = await waitFor(() => printingChromium(pid), 30_000, 'Chromium to open a page')
      const pages = fs
        .readdirSync(site.out, { recursive: true })
        .map(String)
        .filter((f) => f.endsWith('.html'))
        .sort()
      const started = Date.now()
      process.kill(pid, signal)
      expect((await dev.waitFor(/^dev-exit (\d+)$/m, 10_000))[1]).toBe(String(code))
      expect(Date.now() - started).toBeLessThan(5000)
      expect(await listening(url)).toBe(false)
      expect(await eventually(() => !isAlive(browser), 3000), 'the browser still runs').toBe(true)
      expect(leftovers(site.out)).toEqual([])
      expect(dev.output()).toContain('briefkit: the build was interrupted; the out dir is as it was')
      expect(
        fs
          .readdirSync(site.out, { recursive: true })
          .map(String)
          .filter((f) => f.endsWith('.html'))
          .sort(),
      ).toEqual(pages)
    })
  }
})
