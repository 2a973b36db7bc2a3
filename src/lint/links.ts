import path from 'node:path'
import { closest, distance } from 'fastest-levenshtein'
import type { Element } from 'hast'
import { fromHtml } from 'hast-util-from-html'
import type { Root } from 'mdast'
import type { Point } from 'unist'
import { visit } from 'unist-util-visit'
import { VFile } from 'vfile'
import type { ResolvedConfig } from '../config/resolve.ts'
import { type BuildCache, cacheKey } from '../core/cache.ts'
import type { InternalLink } from '../core/compiled.ts'
import { lint } from './lints.ts'

/**
 * The internal links of one markdown unit (links and link definitions; not `https:`, `mailto:`
 * or `/…` links). `place` stands for every position when the unit is a front-matter field.
 */
export function internalLinks(tree: Root, file: VFile, place?: Point): InternalLink[] {
  const links: InternalLink[] = []
  visit(tree, (node) => {
    if (node.type !== 'link' && node.type !== 'definition') return
    if (/^([a-z][a-z\d+.-]*:|\/)/i.test(node.url) || node.url === '') return
    const at = place ?? node.position?.start
    links.push({ url: node.url, path: file.path, line: at?.line ?? 1, column: at?.column ?? 1 })
  })
  return links
}

/** What the link check needs to know of the site: each brief's page and links, every path of the site. */
export interface LinkedSite {
  briefs: ReadonlyArray<{ pagePath: string; links: readonly InternalLink[] }>
  /** Every path of the built site (pages, PDFs, assets), relative to the out dir. */
  paths: ReadonlySet<string>
  /** A page's HTML, to find the ids a `#fragment` may name. */
  html: (pagePath: string) => string | undefined
}

/**
 * Report each internal link that leads nowhere: to a path the site does not have, or to an id the
 * page does not have (`dead-link`). Returns the files that got messages. With `cache`, a page's
 * ids are kept by its HTML, so an unchanged page is not parsed again.
 */
export function lintLinks(site: LinkedSite, config: Pick<ResolvedConfig, 'lint'>, cache?: BuildCache): VFile[] {
  const files = new Map<string, VFile>()
  const ids = new Map<string, string[]>()
  const idsOf = (page: string) => {
    if (!ids.has(page)) {
      const html = site.html(page) ?? ''
      ids.set(page, cache ? cachedIds(html, cache) : pageIds(html))
    }
    return ids.get(page) ?? []
  }
  for (const brief of site.briefs) {
    for (const link of brief.links) {
      const problem = check(link.url, brief.pagePath, site, idsOf)
      if (!problem) continue
      const file = files.get(link.path) ?? new VFile({ path: link.path })
      files.set(link.path, file)
      lint(config, file, 'dead-link', problem.reason, { line: link.line, column: link.column }, problem.hint)
    }
  }
  return [...files.values()].filter((f) => f.messages.length > 0)
}

function check(
  url: string,
  from: string,
  site: LinkedSite,
  idsOf: (page: string) => string[],
): { reason: string; hint: string } | undefined {
  const [target = '', fragment] = url.split('#', 2)
  let page = from
  if (target !== '') {
    const resolved = path.posix.join(path.posix.dirname(from), safeDecode(target.split('?')[0] ?? ''))
    page =
      resolved.endsWith('/') || path.posix.extname(resolved) === '' ? path.posix.join(resolved, 'index.html') : resolved
    if (page.startsWith('..') || !site.paths.has(page)) {
      return {
        reason: `Link \`${url}\` leads to no page of the site`,
        hint: `From ${from} it would open ${page}. Link another brief as \`../<slug>/\`, or the same brief in another language as \`../../<lang>/<slug>/\`.`,
      }
    }
  }
  if (fragment === undefined || fragment === '' || !page.endsWith('.html')) return undefined
  const ids = idsOf(page)
  const id = safeDecode(fragment)
  if (ids.includes(id)) return undefined
  const near = ids.length > 0 ? closest(id, ids) : undefined
  const suggestion = near && distance(id, near) <= Math.max(3, id.length / 2) ? ` Did you mean \`#${near}\`?` : ''
  return {
    reason: `Link \`${url}\`: ${page === from ? 'this page' : page} has no id \`${id}\``,
    hint: `Headings get ids from their words, prefixed by their section (\`environment-…\`).${suggestion}`,
  }
}

function pageIds(html: string): string[] {
  const ids: string[] = []
  visit(fromHtml(html), 'element', (node: Element) => {
    if (typeof node.properties['id'] === 'string') ids.push(node.properties['id'])
  })
  return ids
}

function cachedIds(html: string, cache: BuildCache): string[] {
  const key = cacheKey([html])
  const isIds = (value: unknown): value is string[] =>
    Array.isArray(value) && value.every((id) => typeof id === 'string')
  const cached = cache.readJson('ids', key, isIds)
  if (cached !== undefined) return cached
  const found = pageIds(html)
  cache.writeJson('ids', key, found)
  return found
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}
