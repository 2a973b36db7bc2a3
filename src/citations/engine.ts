import CSL, { type CslItem, type Engine } from 'citeproc'
import { cslLanguage, type LoadedStyle, readLocale } from './styles.ts'

/**
 * Engines kept at most: one per style and language a site uses; a dev session whose own style is
 * edited makes one per version of it, the oldest are dropped.
 */
const poolSize = 8

interface Pooled {
  engine: Engine
  /** The works of the brief the engine serves now: citeproc asks for them by id. */
  items: ReadonlyMap<string, CslItem>
  /** Each locale the engine read, by tag, as it read it. */
  locales: ReadonlyMap<string, string | undefined>
}

// Note: a cache for the process, not state between stages: making an engine parses the style and its
// locales and compiles the style into tokens (a quarter of citation time when each brief made its own);
// an engine serves one brief at a time, emptied first, and everything that uses it runs synchronously.
const pool = new Map<string, Pooled>()

/**
 * Run `use` with a citeproc engine for a style and a content language that holds no works: those it is
 * given (with `updateItems`) are looked up in `items`. One engine per style and language is kept for the
 * process and lent to each brief in turn; whatever the brief before registered is gone. An engine whose
 * use threw is not kept, whatever state it was left in.
 */
export function withCiteproc<T>(
  style: LoadedStyle,
  lang: string,
  items: ReadonlyMap<string, CslItem>,
  use: (engine: Engine) => T,
): T {
  const key = `${cslLanguage(lang)}\n${style.xml}`
  const kept = pool.get(key)
  // Note: out of the pool while in use; a locale file edited while `briefkit dev` runs makes a new
  // engine, as an edited style does.
  pool.delete(key)
  const pooled =
    kept && [...kept.locales].every(([tag, xml]) => readLocale(tag) === xml) ? kept : newEngine(style, lang)
  // Note: citeproc keeps each work it was given under its id (with its sort keys and disambiguation), and
  // another brief may use the same key for another work: a registry and scratch state as new, as citeproc
  // resets them for an empty list of citations. Before the works change: it first updates the works
  // listed uncited, and asks for them again.
  pooled.engine.restoreProcessorState([])
  pooled.items = items
  const result = use(pooled.engine)
  // Note: put back last, so that the map's order is by last use and the first is the one to drop.
  pool.set(key, pooled)
  const [oldest] = pool.keys()
  if (pool.size > poolSize && oldest !== undefined) pool.delete(oldest)
  return result
}

function newEngine(style: LoadedStyle, lang: string): Pooled {
  const locales = new Map<string, string | undefined>()
  const retrieveLocale = (tag: string) => {
    const xml = readLocale(tag)
    locales.set(tag, xml)
    return xml
  }
  const pooled: Pooled = {
    engine: new CSL.Engine(
      { retrieveLocale, retrieveItem: (id) => pooled.items.get(id) },
      style.xml,
      cslLanguage(lang),
    ),
    items: new Map(),
    locales,
  }
  pooled.engine.opt.development_extensions['wrap_url_and_doi'] = true
  return pooled
}
