import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isAlive, leftovers, printingChromium, startBriefkit, waitFor } from '../helpers/processes.ts'
import { copySite, runCli, snapshot } from '../helpers/sites.ts'

type Site = ReturnType<typeof copySite>

/** A site built once without PDFs, then edited so that the next build has a PDF to print and pages to change. */
async function builtSite(): Promise<Site> {
  const site = copySite('unseen')
  expect((await runCli(['build', '--no-pdf', '--content', site.content, '--out', site.out])).code).toBe(0)
  const brief = path.join(site.content, 'urban-trees', 'brief.md')
  fs.writeFileSync(brief, fs.readFileSync(brief, 'utf8').replace(/^title: (.*)$/m, 'title: $1 (revised)'))
  return site
}

const buildArgs = (site: Site) => ['build', '--force', '--content', site.content, '--out', site.out]

// Real CLI processes, real Chromium: faults and signals end a build cleanly, the out dir as it was.
describe('a build under faults and signals', () => {
  it('relaunches a browser killed mid-PDF and finishes the build', async () => {
    const site = await builtSite()
    const run = startBriefkit(buildArgs(site))
    const chromium = await waitFor(() => printingChromium(run.child.pid!), 30_000, 'Chromium to open a page')
    process.kill(chromium, 'SIGKILL')
    const { code, seconds } = await run.exit
    expect(code, run.output()).toBe(0)
    expect(seconds).toBeLessThan(30)
    const pdf = fs.readFileSync(path.join(site.out, 'en', 'urban-trees', 'urban-trees.pdf'))
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
    expect(leftovers(site.out)).toEqual([])
  })

  it('a browser that keeps dying: exit 2 with the cause within 30 s, the out dir as it was', async () => {
    const site = await builtSite()
    const before = snapshot(site.out)
    const run = startBriefkit(buildArgs(site))
    const killer = setInterval(() => {
      const chromium = printingChromium(run.child.pid!)
      if (chromium) process.kill(chromium, 'SIGKILL')
    }, 20)
    const { code, seconds } = await run.exit.finally(() => clearInterval(killer))
    expect(code, run.output()).toBe(2)
    expect(run.output()).toMatch(/briefkit: Chromium stopped twice while printing PDFs|briefkit: Could not start/)
    expect(seconds).toBeLessThan(30)
    expect(snapshot(site.out)).toEqual(before)
    expect(leftovers(site.out)).toEqual([])
  })

  it.each([
    ['SIGTERM', 143],
    ['SIGHUP', 129],
    ['SIGINT', 130],
  ] as const)('%s mid-PDF: exit %i within 5 s, browser closed, staging removed', async (signal, expected) => {
    const site = await builtSite()
    const before = snapshot(site.out)
    const run = startBriefkit(buildArgs(site))
    const chromium = await waitFor(() => printingChromium(run.child.pid!), 30_000, 'Chromium to open a page')
    run.child.kill(signal)
    const { code, seconds } = await run.exit
    expect(code, run.output()).toBe(expected)
    expect(seconds).toBeLessThan(30)
    expect(run.output()).toContain(`stopped by ${signal}`)
    await waitFor(() => !isAlive(chromium), 5000, 'Chromium to end')
    expect(snapshot(site.out)).toEqual(before)
    expect(leftovers(site.out)).toEqual([])
  })

  it('SIGTERM while a large site compiles: exit 143 after the brief under way, not after every brief', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'briefkit-stop-'))
    const content = path.join(root, 'content')
    const out = path.join(root, 'out')
    const tsx = path.join(import.meta.dirname, '..', '..', 'node_modules', 'tsx', 'dist', 'cli.mjs')
    const corpus = path.join(import.meta.dirname, '..', '..', 'bench', 'corpus.ts')
    execFileSync(process.execPath, [tsx, corpus, '--briefs', '40', '--out', content])
    fs.appendFileSync(path.join(content, 'site.yaml'), 'cache: ../cache\n')
    // Note: the build cache gets each edition as it is compiled (80 in all), so it shows how far compiling got.
    const compiled = () =>
      fs
        .readdirSync(path.join(root, 'cache'), { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile() && entry.parentPath.endsWith('briefs') && !entry.name.endsWith('.sha256'))
        .length
    const run = startBriefkit(['build', '--no-pdf', '--force', '--content', content, '--out', out])
    await waitFor(() => fs.existsSync(path.join(root, 'cache')) && compiled() >= 2, 60_000, 'briefs to be compiled')
    run.child.kill('SIGTERM')
    const { code } = await run.exit
    expect(code, run.output()).toBe(143)
    expect(run.output()).toContain('stopped by SIGTERM')
    expect(compiled()).toBeLessThan(80)
    expect(fs.existsSync(out)).toBe(false)
    expect(leftovers(out)).toEqual([])
  })

  it('SIGINT while the staging folder is written (before any PDF): exit 130, nothing left', async () => {
    const site = await builtSite()
    const before = snapshot(site.out)
    const run = startBriefkit(['build', '--no-pdf', ...buildArgs(site).slice(1)])
    await waitFor(() => leftovers(site.out).some((name) => name.includes('tmp')), 30_000, 'the staging folder')
    run.child.kill('SIGINT')
    const { code } = await run.exit
    expect(code, run.output()).toBe(130)
    expect(snapshot(site.out)).toEqual(before)
    expect(leftovers(site.out)).toEqual([])
  })
})

describe('a build on a troubled machine', () => {
  it('an out dir that is a file: exit 2 saying so', async () => {
    const site = copySite('unseen')
    fs.writeFileSync(site.out, 'not a folder')
    const result = await runCli(['build', '--no-pdf', '--content', site.content, '--out', site.out])
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/is a file, not a folder/)
    expect(fs.readFileSync(site.out, 'utf8')).toBe('not a folder')
  })

  it('two builds into one out dir at once: one waits for nothing and exits 2 saying another build is writing', async () => {
    const site = copySite('unseen')
    const results = await Promise.all(
      [1, 2].map(() => runCli(['build', '--no-pdf', '--content', site.content, '--out', site.out])),
    )
    expect(results.map((r) => r.code).sort()).toEqual([0, 2])
    expect(results.find((r) => r.code === 2)?.stderr).toMatch(/Another briefkit build \(process \d+\) is writing/)
    expect(leftovers(site.out)).toEqual([])
  })

  it('a lock left by a build that was killed is taken over', async () => {
    const site = copySite('unseen')
    fs.writeFileSync(`${site.out}.briefkit-lock`, '999999999\n')
    fs.mkdirSync(`${site.out}.briefkit-tmp-999999999-1`)
    expect((await runCli(['build', '--no-pdf', '--content', site.content, '--out', site.out])).code).toBe(0)
    expect(leftovers(site.out)).toEqual([])
  })

  describe('on a small file system of its own (tmpfs, needs root)', () => {
    let mount: string
    let mounted = false
    beforeAll(() => {
      mount = fs.mkdtempSync(path.join(os.tmpdir(), 'briefkit-mnt-'))
      try {
        execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=16m', 'tmpfs', mount], { stdio: 'ignore' })
        mounted = true
      } catch {
        // Note: without root (or in a container that forbids mounts) these cases cannot be made real.
      }
    })
    afterAll(() => {
      if (mounted) execFileSync('umount', ['-l', mount])
    })

    /** The unseen site built into the mount, edited, and the rest of the mount filled up to `free` bytes. */
    async function fullSite(free: number): Promise<Site> {
      const site = await builtSite()
      const out = path.join(mount, 'dist')
      fs.rmSync(out, { recursive: true, force: true })
      fs.rmSync(path.join(mount, 'filler'), { force: true })
      expect((await runCli(['build', '--no-pdf', '--content', site.content, '--out', out])).code).toBe(0)
      // Note: pages the search index has not seen, so Pagefind runs instead of the cache's copy.
      const brief = path.join(site.content, 'urban-trees', 'brief.md')
      fs.writeFileSync(brief, fs.readFileSync(brief, 'utf8').replace(/^title: (.*)$/m, 'title: $1 again'))
      const { bavail, bsize } = fs.statfsSync(mount)
      fs.writeFileSync(path.join(mount, 'filler'), Buffer.alloc(Math.max(0, bavail * bsize - free)))
      return { ...site, out }
    }

    it('a disk too full for the search index: exit 2 naming the out dir and the cause, nothing left behind', async (context) => {
      if (!mounted) return context.skip()
      const site = await fullSite(200 * 1024)
      const before = snapshot(site.out)
      const result = await runCli(['build', '--no-pdf', '--content', site.content, '--out', site.out])
      expect(result.code, result.stderr).toBe(2)
      expect(result.stderr).toMatch(/briefkit: Pagefind could not index the site/)
      expect(result.stderr).toMatch(
        new RegExp(`briefkit: .*${site.out.replaceAll('/', '\\/')}.*(space|ENOSPC|os error 28)`, 'i'),
      )
      expect(result.stderr).toMatch(/hint: The disk is full/)
      expect(snapshot(site.out)).toEqual(before)
      expect(leftovers(site.out)).toEqual([])
    })

    it('a disk with no room at all: exit 2 (ENOSPC) naming the path', async (context) => {
      if (!mounted) return context.skip()
      const site = await fullSite(0)
      const before = snapshot(site.out)
      const result = await runCli(['build', '--no-pdf', '--force', '--content', site.content, '--out', site.out])
      expect(result.code, result.stderr).toBe(2)
      expect(result.stderr).toMatch(/briefkit: Cannot .*: no space left on device \(ENOSPC\)/)
      expect(snapshot(site.out)).toEqual(before)
      expect(leftovers(site.out)).toEqual([])
    })

    it('a read-only file system: exit 2 (EROFS) naming the path', async (context) => {
      if (!mounted) return context.skip()
      const site = await fullSite(4 * 1024 * 1024)
      const before = snapshot(site.out)
      execFileSync('mount', ['-o', 'remount,ro', mount])
      try {
        const result = await runCli(['build', '--no-pdf', '--content', site.content, '--out', site.out])
        expect(result.code, result.stderr).toBe(2)
        expect(result.stderr).toMatch(/briefkit: Cannot .*read-only file system \(EROFS\)/)
        expect(snapshot(site.out)).toEqual(before)
      } finally {
        execFileSync('mount', ['-o', 'remount,rw', mount])
      }
    })
  })
})
