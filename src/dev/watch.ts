import fs from 'node:fs'
import path from 'node:path'

/** Watchers on some folders, to close when done. */
export interface FolderWatch {
  readonly roots: readonly string[]
  close(): void
}

/** How to watch: how long a burst of events must be quiet, and who hears about a watcher that fails. */
export interface WatchOptions {
  /** @default 75 */
  debounce?: number
  onError: (message: string) => void
}

/**
 * Watch folders and everything in them; `onChange` gets the absolute paths changed in a burst of
 * events (an editor's save is several), once the burst has been quiet for `debounce` ms.
 */
export function watchFolders(roots: readonly string[], onChange: (paths: string[]) => void, options: WatchOptions): FolderWatch {
  const changed = new Set<string>()
  let timer: NodeJS.Timeout | undefined
  const flush = () => {
    timer = undefined
    const paths = [...changed]
    changed.clear()
    onChange(paths)
  }
  const watchers = roots.flatMap((root) => {
    try {
      // Note: `recursive` on Linux needs Node 20; new subfolders are watched as they appear.
      const watcher = fs.watch(root, { recursive: true }, (_event, name) => {
        changed.add(name ? path.join(root, name) : root)
        clearTimeout(timer)
        timer = setTimeout(flush, options.debounce ?? 75)
      })
      watcher.on('error', (error) => options.onError(`stopped watching ${root}: ${error.message}`))
      return [watcher]
    } catch (error) {
      options.onError(`cannot watch ${root}: ${error instanceof Error ? error.message : String(error)}`)
      return []
    }
  })
  return {
    roots,
    close() {
      clearTimeout(timer)
      for (const watcher of watchers) watcher.close()
    },
  }
}
