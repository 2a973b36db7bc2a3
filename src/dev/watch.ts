import path from 'node:path'
import { watch } from 'chokidar'

/** Watchers on some folders, to close when done. */
export interface FolderWatch {
  readonly roots: readonly string[]
  /** Resolves once every folder is being watched (the first scan is done). */
  readonly ready: Promise<void>
  close(): Promise<void>
}

/** How to watch: how long a burst of events must be quiet, and who hears about a watcher that fails. */
export interface WatchOptions {
  /** Milliseconds; at least `minimumDebounce`. @default 75 */
  debounce?: number
  onError: (message: string) => void
}

/**
 * The shortest quiet time: chokidar drops a `change` of a file that comes within 50 ms of the last
 * one it reported. A burst that ends later than that is safe: the batch naming the file comes after
 * the dropped save, so whoever reads the file then reads that save.
 */
export const minimumDebounce = 60

/**
 * Watch folders and everything in them; `onChange` gets the absolute paths changed in a burst of
 * events (an editor's save is several), once the burst has been quiet for `debounce` ms.
 */
export function watchFolders(
  roots: readonly string[],
  onChange: (paths: string[]) => void,
  options: WatchOptions,
): FolderWatch {
  const changed = new Set<string>()
  let timer: NodeJS.Timeout | undefined
  const flush = () => {
    timer = undefined
    const paths = [...changed]
    changed.clear()
    onChange(paths)
  }
  // Note: chokidar watches each folder rather than each file's inode, so a save that writes a new file
  // and renames it over the old one (`mv`, `sed -i`, vim) is a change like any other, every time;
  // `atomic` turns an unlink and re-add within 100 ms into one change.
  const watcher = watch([...roots], { ignoreInitial: true, atomic: true, ignored: (file) => hidden(file, roots) })
  watcher.on('all', (_event, file) => {
    changed.add(path.resolve(file))
    clearTimeout(timer)
    timer = setTimeout(flush, Math.max(options.debounce ?? 75, minimumDebounce))
  })
  watcher.on('error', (error) =>
    options.onError(`watching ${roots.join(', ')}: ${error instanceof Error ? error.message : String(error)}`),
  )
  let isReady = () => {}
  const ready = new Promise<void>((resolve) => (isReady = resolve))
  watcher.once('ready', () => isReady())
  return {
    roots,
    ready,
    async close() {
      clearTimeout(timer)
      await watcher.close()
      // Note: a watcher closed during its first scan never gets ready; nobody should wait for it.
      isReady()
    },
  }
}

/** Whether a path is inside a dot folder or is a dotfile below one of the roots (`.git`, `.DS_Store`, `.b.md.swp`). */
function hidden(file: string, roots: readonly string[]): boolean {
  const absolute = path.resolve(file)
  for (const root of roots) {
    const relative = path.relative(root, absolute)
    if (relative.startsWith('..') || path.isAbsolute(relative)) continue
    return relative.split(path.sep).some((segment) => segment.startsWith('.'))
  }
  return false
}
