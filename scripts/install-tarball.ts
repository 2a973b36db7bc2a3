import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

/** What installing a checkout's tarball made. */
export interface Installed {
  /** The tarball's path and size in bytes. */
  tarball: string
  size: number
  /** Seconds `npm ci` took. */
  seconds: number
}

const run = (cwd: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}) =>
  execFileSync(command, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 300_000,
  })

/**
 * Install briefkit into `project` (an empty folder) as a user would: pack a copy of the checkout
 * `repo` as `npm pack` does (its fonts bundled first, as `prepack` does, unless `bundleFonts` is false),
 * then `npm ci --offline --omit=dev` the tarball. The project's lock file is the checkout's less what
 * only its development needs, so exactly the versions briefkit is tested with are installed, from the
 * npm cache that installing the checkout filled (no registry needed). Nothing is written to `repo`.
 */
export function installTarball(repo: string, project: string, { bundleFonts = true } = {}): Installed {
  const read = (file: string) => JSON.parse(fs.readFileSync(path.join(repo, file), 'utf8'))
  const pkg = read('package.json') as { name: string; version: string; files: string[] }
  const source = path.join(project, 'package-source')
  for (const entry of ['package.json', ...pkg.files]) {
    const from = path.join(repo, entry)
    if (fs.existsSync(from)) fs.cpSync(from, path.join(source, entry), { recursive: true })
  }
  if (bundleFonts) run(repo, process.execPath, [path.join(repo, 'scripts', 'bundle-fonts.mjs'), source])
  // Note: no scripts: lib/ is built already, and must not be rebuilt in the checkout under other work's feet.
  const [packed] = JSON.parse(
    run(source, 'npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', project]),
  ) as Array<{
    filename: string
    size: number
  }>
  const tarball = path.join(project, packed?.filename ?? '')
  const lock = read('package-lock.json') as {
    packages: Record<string, { dev?: boolean; dependencies?: Record<string, string> }>
  }
  const dependencies = { [pkg.name]: `file:${tarball}` }
  const packages: Record<string, unknown> = {
    '': { name: 'project', dependencies },
    [`node_modules/${pkg.name}`]: {
      version: pkg.version,
      resolved: `file:${tarball}`,
      dependencies: lock.packages['']?.dependencies,
      bin: { briefkit: 'bin/briefkit.js' },
    },
  }
  for (const [at, entry] of Object.entries(lock.packages)) if (at !== '' && !entry.dev) packages[at] = entry
  fs.writeFileSync(
    path.join(project, 'package.json'),
    `${JSON.stringify({ name: 'project', private: true, dependencies }, null, 2)}\n`,
  )
  fs.writeFileSync(
    path.join(project, 'package-lock.json'),
    `${JSON.stringify({ name: 'project', lockfileVersion: 3, requires: true, packages }, null, 2)}\n`,
  )
  const started = performance.now()
  run(project, 'npm', ['ci', '--offline', '--omit=dev', '--no-audit', '--no-fund', '--loglevel=error'], {
    PUPPETEER_SKIP_DOWNLOAD: '1',
  })
  fs.rmSync(source, { recursive: true, force: true })
  return { tarball, size: packed?.size ?? 0, seconds: (performance.now() - started) / 1000 }
}
