import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { heavyLoaded, heavyPackages, moduleLogHook } from '../../bench/loaded-packages.ts'
import { copySite, type Site } from '../helpers/sites.ts'

const root = path.resolve(import.meta.dirname, '..', '..')
const mainUrl = pathToFileURL(path.join(root, 'src', 'cli', 'main.ts')).href

/** What printing, indexing and the print fonts load: no command but `build` (and `dev`) needs them. */
const printing: readonly string[] = heavyPackages.filter((name) => name !== 'citeproc' && name !== 'unified')

/**
 * Run the CLI from its sources in a process of its own (tsx, as the tests run them) with the
 * module-log hook; the heavy packages it loaded.
 */
function heavyLoadedBy(site: Site, args: string[]): string[] {
  const log = path.join(site.root, `modules-${args[0]}-${Date.now()}.txt`)
  const entry = `const { main } = await import(${JSON.stringify(mainUrl)})\nprocess.exitCode = await main(process.argv.slice(1))`
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--import', moduleLogHook, '--input-type=module', '-e', entry, '--', ...args],
    // Note: TMPDIR puts the build cache of the scratch site (it has no package.json above it) inside the scratch folder.
    { cwd: root, env: { ...process.env, BRIEFKIT_MODULE_LOG: log, TMPDIR: site.root }, encoding: 'utf8' },
  )
  expect(result.stderr).not.toMatch(/internal error/)
  expect(result.status).toBe(0)
  return heavyLoaded(fs.readFileSync(log, 'utf8'))
}

// Issue 14: `--help`, `check` and `new` load only what they need, so they start quickly.
describe('what a command loads', () => {
  let site: Site
  beforeAll(() => {
    site = copySite('unseen')
  })
  afterAll(() => fs.rmSync(site.root, { recursive: true, force: true }))

  it('loads none of the heavy packages for --help and --version', () => {
    expect(heavyLoadedBy(site, ['--help'])).toEqual([])
    expect(heavyLoadedBy(site, ['--version'])).toEqual([])
  })

  it('loads no printer, indexer or font package for new', () => {
    const loaded = heavyLoadedBy(site, ['new', 'startup-brief', '--content', site.content])
    expect(loaded.filter((name) => printing.includes(name))).toEqual([])
  })

  it('loads no printer, indexer or font package for check --no-pdf', () => {
    const loaded = heavyLoadedBy(site, ['check', '--no-pdf', '--content', site.content])
    expect(loaded.filter((name) => printing.includes(name))).toEqual([])
  })

  it('checks the glyphs of PDFs from the cached coverage, loading no font reader or printer', () => {
    // Note: the first check reads the print fonts (harfbuzzjs) and caches their coverage.
    expect(heavyLoadedBy(site, ['check', '--content', site.content])).toContain('harfbuzzjs')
    const loaded = heavyLoadedBy(site, ['check', '--content', site.content])
    expect(loaded.filter((name) => printing.includes(name))).toEqual([])
  })
})
