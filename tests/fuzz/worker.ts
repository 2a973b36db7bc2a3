import { parentPort, workerData } from 'node:worker_threads'
import type { SiteCase } from './arbitraries.ts'
import { describeError, runCase } from './run-case.ts'

// Note: `npm run fuzz` runs each case here, so that a case that never returns can be ended from outside;
// its folder is then left in `workerData.tmp`, which the script removes at the end.
const { tmp } = workerData as { tmp: string }

parentPort?.on('message', (site: SiteCase) => {
  runCase(site, tmp).then(
    (result) => parentPort?.postMessage({ result }),
    (error: unknown) => parentPort?.postMessage({ crash: describeError(error) }),
  )
})
