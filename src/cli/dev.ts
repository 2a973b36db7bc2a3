import { watchAncestors } from '../dev/ancestors.ts'
import { type DevServerOptions, startDevServer } from '../dev/dev-server.ts'
import { signalExitCode, withStopSignals } from './signals.ts'

/**
 * `briefkit dev`: build, serve with live reload until SIGINT (Ctrl-C), SIGTERM or SIGHUP, or until
 * the process that started it is gone; then stop the running build, close the server, and exit
 * 130, 143 or 129.
 */
export async function dev(options: DevServerOptions, io: { err: (s: string) => void }): Promise<number> {
  // Note: no signal tells that the parent is gone (`npm run` killed); it is a hang-up, so it stops dev as SIGHUP does.
  const stopWatching = watchAncestors(() => {
    io.err('briefkit: the process that started `briefkit dev` is gone')
    process.kill(process.pid, 'SIGHUP')
  })
  try {
    // Note: the signals are listened to from the start, so Puppeteer keeps its own handlers, which
    // exit at once, out of the PDF pass (see render/pdf/pool.ts).
    const run = await withStopSignals(
      async (signal) => {
        const server = await startDevServer({ ...options, log: io.err, signal })
        await new Promise((resolve) =>
          signal.aborted ? resolve(undefined) : signal.addEventListener('abort', resolve, { once: true }),
        )
        await server.close()
      },
      (signal) => {
        // Note: Ctrl-C also ends `npm run`'s shell; that is no second request to stop, which would quit at once.
        stopWatching()
        io.err(`briefkit: ${signal}: stopping…`)
      },
    )
    if (run.error !== undefined && !run.stopped) throw run.error
    const code = run.stopped ? signalExitCode(run.stopped) : 0
    // Note: the server and the watcher are closed, so the process ends by itself; should anything
    // still hold it (a build stuck for good), end it anyway.
    setTimeout(() => process.exit(code), 1000).unref()
    return code
  } finally {
    stopWatching()
  }
}
