import { startDevServer, type DevServer, type DevServerOptions } from '../dev/dev-server.ts'
import { removeOwnStaging } from '../dev/leftovers.ts'
import { listenForStop } from '../dev/stop-requests.ts'

/** How long stopping waits for a running build before leaving it (its browser dies with the process). */
const stopGrace = 3000

/**
 * `briefkit dev`: build, serve with live reload until SIGINT (Ctrl-C), SIGTERM or SIGHUP, or until
 * the parent process is gone; then stop: exit 130, 143 or 129.
 */
export async function dev(options: DevServerOptions, io: { err: (s: string) => void }): Promise<number> {
  // Note: listening before the first build also keeps Puppeteer's own Ctrl-C handler, which exits at
  // once, out of the PDF pass (see render/pdf/pool.ts).
  const stops = listenForStop()
  try {
    const starting = startDevServer({ ...options, log: io.err })
    const request = await Promise.race([stops.first, starting.then(() => stops.first)])
    io.err(`briefkit: ${request.reason}: stopping…`)
    const leave = () => {
      // Note: exiting kills the browser of a PDF pass (Puppeteer's exit hook); its staging folder is ours to remove.
      try {
        removeOwnStaging(options.outDir ?? 'dist')
      } finally {
        process.exit(request.code)
      }
    }
    // Note: a second request (another Ctrl-C) while the running build finishes quits at once.
    stops.onAnother(leave)
    const closed = starting.then((server: DevServer) => server.close()).catch(() => undefined)
    if (!(await settlesWithin(closed, stopGrace))) {
      io.err('briefkit: stopped without waiting longer for the running build')
      leave()
    }
    // Note: the server and the watcher are closed, so the process ends by itself; if anything still
    // holds it (a build stuck for good), end it anyway.
    setTimeout(() => process.exit(request.code), 1000).unref()
    return request.code
  } finally {
    stops.dispose()
  }
}

function settlesWithin(promise: Promise<unknown>, milliseconds: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), milliseconds)))
  return Promise.race([promise.then(() => true), late]).finally(() => clearTimeout(timer))
}
