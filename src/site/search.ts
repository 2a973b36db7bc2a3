import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import fs from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'
import { type BuildCache, cacheKey } from '../core/cache.ts'
import { BriefkitError, environmentError } from '../reporting/errors.ts'

/**
 * Index the site's pages with Pagefind into `<dir>/pagefind/`: its extended build, which splits
 * Chinese into words, one index per page language, only what pages mark `data-pagefind-body`.
 * Pages that did not change since the last build get the same index, copied.
 */
export async function indexSite(dir: string, cache: BuildCache, signal?: AbortSignal): Promise<void> {
  const out = path.join(dir, 'pagefind')
  const key = cacheKey([pagefindVersion(), await pagesDigest(dir)])
  const cached = cache.folder('search', key)
  if (existsSync(path.join(cached, complete))) {
    await fs.cp(cached, out, {
      recursive: true,
      preserveTimestamps: true,
      filter: (from) => path.basename(from) !== complete,
    })
    return
  }
  await writeIndex(dir, out, signal)
  await fs.rm(cached, { recursive: true, force: true })
  await fs.cp(out, cached, { recursive: true, preserveTimestamps: true })
  await fs.writeFile(path.join(cached, complete), '')
}

// Note: marks a cached index as whole; one copied half-way (a build stopped) is not used.
const complete = '.complete'

let version: string | undefined

/** Pagefind's version, part of the index's cache key; read on first use, so loading this module costs nothing. */
function pagefindVersion(): string {
  // Note: Pagefind's package.json is not among its exports; it sits one folder above its entry point.
  version ??= (
    JSON.parse(readFileSync(new URL('../package.json', import.meta.resolve('pagefind')), 'utf8')) as { version: string }
  ).version
  return version
}

/**
 * A hash of every HTML page of the site, path and bytes, in a stable order. Read one page at a time:
 * a site of a thousand briefs has hundreds of megabytes of pages.
 */
async function pagesDigest(dir: string): Promise<string> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true })
  const pages = entries
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => path.join(e.parentPath, e.name))
    .sort()
  const hash = createHash('sha256')
  for (const page of pages) {
    const bytes = await fs.readFile(page)
    hash.update(`${path.relative(dir, page)}\0${bytes.length}\0`).update(bytes)
  }
  return hash.digest('hex')
}

/**
 * Run Pagefind's extended binary on the site. Run as a process of its own (not through Pagefind's
 * service API, which never settles when the binary dies: a full disk made briefkit exit 13 with no
 * word), so that its failure is an error naming the out dir and Pagefind's own message, and `signal`
 * stops it.
 */
async function writeIndex(dir: string, outputPath: string, signal?: AbortSignal): Promise<void> {
  const binary = pagefindBinary()
  // Note: links keep `index.html`, like every link of the site, so results open from any server.
  const args = ['--site', dir, '--output-path', outputPath, '--keep-index-url', '--silent']
  const { code, output } = await new Promise<{ code: number | null; output: string }>((resolve, reject) => {
    const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'], ...(signal ? { signal } : {}) })
    let output = ''
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-4000)
    }
    child.stdout.on('data', keep)
    child.stderr.on('data', keep)
    child.on('error', (error) => reject(signal?.aborted ? signal.reason : environmentError(error, 'run Pagefind at')))
    child.on('close', (code) => resolve({ code, output }))
  })
  signal?.throwIfAborted()
  if (code !== 0) {
    const said = output.trim().split('\n').filter(Boolean).slice(-3).join(' / ') || `exit code ${code}`
    throw new BriefkitError(`Pagefind could not index the site in \`${dir}\`: ${said}`, {
      hint: /No space left|os error 28/i.test(said)
        ? 'The disk is full: free some space, or choose an out dir on another disk with `--out`.'
        : searchHint,
    })
  }
}

/** Pagefind's extended binary (which splits Chinese into words), from its platform package. */
function pagefindBinary(): string {
  const fromEnv = process.env['PAGEFIND_EXTENDED_BINARY_PATH'] ?? process.env['PAGEFIND_BINARY_PATH']
  if (fromEnv) return fromEnv
  const platform = `${process.platform === 'win32' ? 'windows' : process.platform}-${process.arch}`
  const name = process.platform === 'win32' ? 'pagefind_extended.exe' : 'pagefind_extended'
  try {
    return createRequire(import.meta.resolve('pagefind')).resolve(`@pagefind/${platform}/bin/${name}`)
  } catch (error) {
    throw new BriefkitError(`Pagefind's binary for ${platform} is not installed`, { cause: error, hint: searchHint })
  }
}

const searchHint =
  "Run `npm install` in the briefkit folder (Pagefind's binary comes in the @pagefind/<platform> package)."
