import path from 'node:path'
import { checkOutDir } from '../core/output.ts'
import { type RunOptions, resolveRunOptions } from '../orchestrate/options.ts'
import { createBuildLoop } from './build-loop.ts'
import { createEventHub } from './events.ts'
import { closeServer, createDevHttpServer, listen } from './http.ts'
import { openInBrowser } from './open.ts'
import { type Pass, runPass } from './rebuild.ts'
import { describeRebuildSet, rebuildSet } from './rebuild-set.ts'
import { createReporter } from './report.ts'
import { readLayout, watchRoots } from './sources.ts'
import { type FolderWatch, watchFolders } from './watch.ts'

/** How long closing waits for a stopped build to unwind. */
const closeTimeout = 60_000

/** What to preview, and how (see `RunOptions` for each field and its default). */
export type DevServerOptions = Pick<
  RunOptions,
  'contentDir' | 'outDir' | 'port' | 'open' | 'pdf' | 'pdfDelay' | 'debounce' | 'log' | 'signal'
>

/** A running dev server. */
export interface DevServer {
  url: string
  /** Resolves once no build is running or waiting. */
  idle(): Promise<void>
  /** Stop watching, end the event streams, close the server, and stop a running build. */
  close(): Promise<void>
}

/**
 * Build the site, serve the out dir with live reload, and rebuild on every change to the content,
 * the theme or site.yaml. Content errors and failed builds are reported, never fatal: the last good
 * site keeps being served, with an overlay saying what is wrong.
 */
export async function startDevServer(options: DevServerOptions = {}): Promise<DevServer> {
  const run = resolveRunOptions(options)
  const { contentDir, outDir, log } = run
  checkOutDir(outDir, contentDir)
  const hub = createEventHub()
  const report = createReporter({ log, reload: hub.reload, error: hub.error })
  let layout = readLayout(contentDir, outDir)
  let watch: FolderWatch | undefined
  let closing = false
  // Note: closing stops a running build (its browser closed, its staging folder removed) rather than waiting for it.
  const stop = new AbortController()
  const signal = run.signal ? AbortSignal.any([stop.signal, run.signal]) : stop.signal

  const runPassOf = async (pass: Pass): Promise<boolean> => {
    const started = performance.now()
    const outcome = await runPass(pass, {
      contentDir,
      outDir,
      pdf: run.pdf,
      signal,
      onProgress: (done, total, label, state) => {
        if (state === 'done') log(`briefkit: PDF ${done}/${total} ${label}`)
      },
      onWarning: (message) => log(`briefkit: warning: ${message}`),
    })
    if ((closing || signal.aborted) && outcome.status === 'failed')
      log('briefkit: the build was interrupted; the out dir is as it was')
    else report(pass, outcome, performance.now() - started)
    // Note: site.yaml may have changed the theme or the languages: watch what the site now uses.
    layout = readLayout(contentDir, outDir, layout)
    if (watch && !closing && watchRoots(layout).join('\n') !== watch.roots.join('\n')) await startWatching()
    return outcome.status === 'written'
  }
  const loop = createBuildLoop({ run: runPassOf, pdfDelay: run.pdf ? run.pdfDelay : undefined })
  const onChange = (paths: string[]) => {
    const set = rebuildSet(paths, layout)
    if (set.kind === 'nothing') return
    log(`briefkit: ${describeRebuildSet(set)}`)
    loop.request(set)
  }
  const startWatching = async () => {
    // Note: the new watcher is ready before the old one stops, so no save in between is missed.
    const previous = watch
    watch = watchFolders(watchRoots(layout), onChange, {
      debounce: run.debounce,
      onError: (m) => log(`briefkit: warning: ${m}`),
    })
    await watch.ready
    await previous?.close()
  }

  log(`briefkit: building ${path.relative(process.cwd(), contentDir) || '.'}…`)
  loop.request({ kind: 'everything', because: 'the site' })
  await Promise.all([startWatching(), loop.idle()])
  // Note: Ctrl-C reaches tsx's compiler too (same process group), and a module first imported after that
  // never loads: load the PDF printer now, not in the middle of the PDF pass that Ctrl-C interrupts.
  if (run.pdf) await import('../render/pdf/print-briefs.ts')

  // Note: a PDF link opened before the PDF pass ran starts that pass at once and waits for it.
  const server = createDevHttpServer(outDir, hub, run.pdf ? () => loop.pdfNow() : undefined)
  const requested = run.port
  const port = await listen(server, requested).catch(async (error: unknown) => {
    await watch?.close()
    await loop.close()
    throw error
  })
  if (requested !== 0 && port !== requested) log(`briefkit: port ${requested} is in use, using ${port}`)
  const url = `http://127.0.0.1:${port}/`
  log(`briefkit: serving ${path.relative(process.cwd(), outDir) || '.'}/ at ${url} (Ctrl-C to stop)`)
  if (run.open) openInBrowser(url)

  return {
    url,
    idle: () => loop.idle(),
    async close() {
      closing = true
      stop.abort()
      await watch?.close()
      hub.close()
      await closeServer(server)
      // Note: a build stuck for good (its compiler gone) would otherwise end the process without an exit code.
      let timer: NodeJS.Timeout | undefined
      const gaveUp = new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(true), closeTimeout)
      })
      if (await Promise.race([loop.close().then(() => false), gaveUp]))
        log('briefkit: stopped without waiting longer for the running build')
      clearTimeout(timer)
    },
  }
}
