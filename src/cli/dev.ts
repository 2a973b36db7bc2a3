import { startDevServer, type DevServerOptions } from '../dev/dev-server.ts'

/** `briefkit dev`: build, serve with live reload until Ctrl-C (SIGINT) or SIGTERM, then stop cleanly. */
export async function dev(options: DevServerOptions, io: { err: (s: string) => void }): Promise<number> {
  const server = await startDevServer({ ...options, log: io.err })
  const signal = await nextSignal()
  // Note: a second Ctrl-C while a build finishes quits at once (that build's staging folder is left behind).
  const quit = () => process.exit(130)
  process.once('SIGINT', quit)
  io.err(`briefkit: ${signal}: stopping…`)
  await server.close()
  process.off('SIGINT', quit)
  return 0
}

function nextSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGINT', stop)
      process.off('SIGTERM', stop)
      resolve(signal)
    }
    process.on('SIGINT', stop)
    process.on('SIGTERM', stop)
  })
}
