import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { BriefkitError } from '../reporting/errors.ts'
import { clientPath, clientSource, injectClient, placeholderPage } from './client.ts'
import { type EventHub, eventsPath } from './events.ts'
import { serveStatic } from './static.ts'

/**
 * An HTTP server for the out dir, with the event stream and the reload client beside it. A PDF not
 * printed yet is waited for with `awaitPdf`, when PDFs are on.
 */
export function createDevHttpServer(outDir: string, hub: EventHub, awaitPdf?: () => Promise<void>): http.Server {
  return http.createServer((request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://localhost')
    if (pathname === eventsPath) return hub.connect(request, response)
    if (pathname === clientPath) {
      response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' })
      return response.end(clientSource)
    }
    serveStatic(request, response, {
      outDir,
      placeholder: placeholderPage,
      injectClient: (html) => injectClient(html, hub.version),
      ...(awaitPdf ? { awaitPdf } : {}),
    }).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' })
      response.end(`briefkit dev: ${error instanceof Error ? error.message : String(error)}\n`)
    })
  })
}

/**
 * Listen on 127.0.0.1 at `port`, or, when it is taken, at the next free one of the following nine
 * (port 0: any free port). Returns the port listened on.
 */
export async function listen(server: http.Server, port: number): Promise<number> {
  const tries = port === 0 ? 1 : 10
  for (let i = 0; i < tries; i++) {
    try {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject)
        server.listen(port + i, '127.0.0.1', () => {
          server.off('error', reject)
          resolve()
        })
      })
      return (server.address() as AddressInfo).port
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || i === tries - 1) {
        throw new BriefkitError(
          `Cannot listen on 127.0.0.1:${port + i} (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
          {
            hint: 'Choose another port with --port.',
            cause: error,
          },
        )
      }
    }
  }
  throw new BriefkitError(`No free port from ${port}`)
}

/** Close the server and every connection still open. */
export function closeServer(server: http.Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve())
    server.closeAllConnections()
  })
}
