#!/usr/bin/env node
// The `briefkit` command: briefkit's compiled JavaScript in lib/ (`npm run build`; installs from npm
// and from git get it built by `prepack`/`prepare`, and scripts/setup.sh builds it in a checkout).
try {
  await import('../lib/cli/run.js')
} catch (error) {
  const missing =
    error instanceof Error &&
    'code' in error &&
    error.code === 'ERR_MODULE_NOT_FOUND' &&
    error.message.includes('/lib/cli/run.js')
  if (!missing) throw error
  console.error('briefkit: not built: lib/cli/run.js is missing\n  hint: run `npm run build` in the briefkit folder.')
  process.exitCode = 2
}
