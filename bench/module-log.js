/**
 * A `--import` hook that records every module a process loads: each URL the ESM loader resolves,
 * and at exit every CommonJS module in `require.cache`, one per line, appended to the file named
 * by BRIEFKIT_MODULE_LOG. bench/startup.ts and tests/cli/startup.test.ts use it to see which
 * packages a command loads.
 */
import fs from 'node:fs'
import { createRequire, register } from 'node:module'
import { pathToFileURL } from 'node:url'
import { isMainThread } from 'node:worker_threads'

const log = process.env['BRIEFKIT_MODULE_LOG']

// Note: this file is also the hooks module; in the loader's own thread it only defines `resolve`.
if (log && isMainThread) {
  register(import.meta.url, import.meta.url)
  process.on('exit', () => {
    const cjs = Object.keys(createRequire(import.meta.url).cache).map((file) => pathToFileURL(file).href)
    fs.appendFileSync(log, cjs.map((url) => `${url}\n`).join(''))
  })
}

/** Record each module the ESM loader resolves (node:module's resolve hook). */
export async function resolve(specifier, context, nextResolve) {
  const resolved = await nextResolve(specifier, context)
  if (log) fs.appendFileSync(log, `${resolved.url}\n`)
  return resolved
}
