import { parentPort } from 'node:worker_threads'
import type { SiteCase } from './arbitraries.ts'
import { describeError, runCase } from './run-case.ts'

// Note: `npm run fuzz` runs each case here, so that a case that never returns can be ended from outside.
parentPort?.on('message', (site: SiteCase) => {
  runCase(site).then(
    (result) => parentPort?.postMessage({ result }),
    (error: unknown) => parentPort?.postMessage({ crash: describeError(error) }),
  )
})
