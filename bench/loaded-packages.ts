import path from 'node:path'

/** The `--import` hook that logs every module a process loads to the file named by BRIEFKIT_MODULE_LOG. */
export const moduleLogHook = path.join(import.meta.dirname, 'module-log.js')

/**
 * Packages that `--help`, `check` and `new` should not need: the printer, the indexer, fonts, Graphviz
 * (argument maps are drawn by build only), and (for `--help`) the compiler.
 */
export const heavyPackages = [
  'puppeteer',
  '@pdfme/pdf-lib',
  'harfbuzzjs',
  '@hpcc-js/wasm-graphviz',
  'subset-font',
  'pagefind',
  '@fontsource',
  '@expo-google-fonts',
  'citeproc',
  'unified',
] as const

/** The packages a module log names (`@scope/name` or `name`), each once, sorted. */
export function loadedPackages(log: string): string[] {
  const names = new Set<string>()
  for (const url of log.split('\n')) {
    const match = /.*\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)
    if (match?.[1]) names.add(match[1])
  }
  return [...names].sort()
}

/** Which of `heavyPackages` a module log names (a scope such as `@fontsource` stands for each of its packages). */
export function heavyLoaded(log: string): string[] {
  const loaded = loadedPackages(log)
  return heavyPackages.filter((heavy) => loaded.some((name) => name === heavy || name.startsWith(`${heavy}/`)))
}
