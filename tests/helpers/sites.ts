import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { expect } from 'vitest'
import { main } from '../../src/cli/main.ts'
import { placeholders } from '../../src/content/placeholders.ts'
import { compileSiteSync } from '../../src/orchestrate/compile-site.ts'
import { resolveRunOptions } from '../../src/orchestrate/options.ts'
import { loadTheme } from '../../src/theme/theme.ts'
import { fixturesDir } from './fixtures.ts'

/** A scratch copy of a fixture site's content folder, with an out dir beside it. */
export function copySite(name: string): { root: string; content: string; out: string } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), `briefkit-${name}-`))
  fs.cpSync(path.join(fixturesDir, 'sites', name, 'content'), path.join(root, 'content'), { recursive: true })
  return { root, content: path.join(root, 'content'), out: path.join(root, 'dist') }
}

/** Run the CLI in-process and capture what it prints. */
export async function runCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = []
  const err: string[] = []
  const code = await main(args, { out: (s) => out.push(s), err: (s) => err.push(s) })
  return { code, stdout: out.join('\n'), stderr: err.join('\n') }
}

/** One problem as `briefkit check --format json` prints it. */
export interface Problem {
  path: string
  line: number
  column: number
  severity: string
  message: string
  rule: string
  hint?: string
}

/** `briefkit check --format json` on a content folder, in-process: its exit code and problems. */
export async function checkJson(content: string): Promise<{ code: number; problems: Problem[] }> {
  const result = await runCli(['check', '--format', 'json', '--content', content])
  return { code: result.code, problems: JSON.parse(result.stdout) as Problem[] }
}

/** Every file under a folder with its content hash and mtime, to prove a folder was left alone. */
export function snapshot(dir: string): Record<string, string> {
  const result: Record<string, string> = {}
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const file = path.join(entry.parentPath, entry.name)
    const hash = crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex')
    result[path.relative(dir, file)] = `${hash} ${fs.statSync(file).mtimeMs}`
  }
  return result
}

/** A scratch site as `copySite` makes it. */
export type Site = ReturnType<typeof copySite>

/**
 * Copy the fixture `name` with the out dir of `built`, break it with `breakIt`, build it without
 * PDFs, and check that the build exits 1 with `message`, says nothing was written, prints no stack
 * trace, leaves the out dir exactly as it was and no staging folder beside it.
 */
export async function expectRefused(
  name: string,
  built: Site,
  breakIt: (site: Site) => void,
  message: RegExp,
): Promise<void> {
  const site = copySite(name)
  fs.cpSync(built.out, site.out, { recursive: true })
  const before = snapshot(site.out)
  breakIt(site)
  const result = await runCli(['build', '--no-pdf', '--content', site.content, '--out', site.out])
  expect(result.stderr).toMatch(message)
  expect(result.code).toBe(1)
  expect(result.stderr).toMatch(/nothing was written/)
  expect(result.stderr).not.toMatch(/internal error|\n\s+at /)
  expect(snapshot(site.out)).toEqual(before)
  expect(fs.readdirSync(site.root).filter((entry) => entry.includes('briefkit-tmp'))).toEqual([])
}

/** Compile a content folder in process as a build does (through the build cache), with its theme loaded. */
export function compileContent(contentDir: string, pdf: boolean) {
  const site = compileSiteSync(resolveRunOptions({ contentDir, pdf }))
  return { ...site, theme: site.config && loadTheme(site.config.themeDir) }
}

/** Fill in a scaffolded brief as its writer would: each placeholder of `briefkit new` becomes `The writer's <what>`. */
export function fillPlaceholders(briefDir: string): void {
  for (const entry of fs.readdirSync(briefDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.md')) continue
    const file = path.join(entry.parentPath, entry.name)
    let text = fs.readFileSync(file, 'utf8')
    for (const words of Object.values(placeholders)) {
      for (const [what, placeholder] of Object.entries(words))
        text = text.replaceAll(placeholder, `The writer's ${what}`)
    }
    fs.writeFileSync(file, text)
  }
}
