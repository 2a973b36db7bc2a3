import type { IncomingMessage, ServerResponse } from 'node:http'

/** The path of the event stream the reload client listens to. */
export const eventsPath = '/__briefkit/events'

/**
 * Server-sent events to every open page: `hello` on connecting (the site's version), `reload` after
 * a build wrote the site, `error` while the content does not build.
 */
export interface EventHub {
  /** The version of the site being served; it changes with each build that writes the site. */
  readonly version: string
  connect(request: IncomingMessage, response: ServerResponse): void
  reload(changed: readonly string[] | 'all'): void
  error(text: string): void
  /** End every stream, so the server can close. */
  close(): void
}

/** A hub with no pages connected yet. */
export function createEventHub(): EventHub {
  const clients = new Set<ServerResponse>()
  // Note: a restarted server has another start time, so a page reconnecting to it sees a new version and reloads.
  const started = Date.now().toString(36)
  let builds = 0
  let error: string | undefined
  const send = (response: ServerResponse, event: string, data: unknown) => {
    response.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`)
  }
  const hub: EventHub = {
    get version() {
      return `${started}.${builds}`
    },
    connect(request, response) {
      response.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      })
      response.write('retry: 500\n\n')
      send(response, 'hello', { version: hub.version })
      // Note: a page opened (or reloaded) while the content is broken shows the overlay at once.
      if (error !== undefined) send(response, 'error', { text: error })
      clients.add(response)
      request.on('close', () => clients.delete(response))
    },
    reload(changed) {
      builds += 1
      error = undefined
      for (const client of clients)
        send(client, 'reload', { version: hub.version, ...(changed === 'all' ? {} : { changed }) })
    },
    error(text) {
      error = text
      for (const client of clients) send(client, 'error', { text })
    },
    close() {
      for (const client of clients) client.end()
      clients.clear()
    },
  }
  return hub
}
