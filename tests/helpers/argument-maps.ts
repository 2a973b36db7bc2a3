import fs from 'node:fs'
import path from 'node:path'
import type { ArgumentMap } from '../../src/core/argument-map.ts'
import type { CompiledBrief, Reference } from '../../src/core/compiled.ts'
import { fixturesDir } from './fixtures.ts'

/**
 * A hand-written argument map of the sample brief (`en` or `zh`): thesis, five claims (one `con`, one
 * supporting and one attacking another claim), eleven works (one behind two claims), three objections,
 * two responses.
 */
export function mapFixture(lang: 'en' | 'zh'): ArgumentMap {
  return JSON.parse(fs.readFileSync(path.join(fixturesDir, 'argument-maps', `${lang}.json`), 'utf8')) as ArgumentMap
}

/**
 * A compiled brief with just what the exports and listing pages read: its map, its arguments, and a
 * reference per work of the map (entry text from the work's label, URL from its key).
 */
export function briefWithMap(
  map: ArgumentMap,
  {
    lang,
    slug,
    title,
    date = '2026-11-25',
    numeric = false,
  }: { lang: string; slug: string; title: string; date?: string; numeric?: boolean },
): CompiledBrief {
  const works = map.nodes.filter((node) => node.kind === 'evidence')
  const references: Reference[] = works.map((node, i) => {
    const id = node.id.replace(/^work-/, '')
    const number = numeric ? `<div class="csl-left-margin">[${i + 1}]</div>` : ''
    // Note: a numeric style's label starts with the number (`[3] …`), which the entry has in its margin.
    const text = node.label
      .replace(/^\[\d+\] /, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
    const body = numeric ? `<div class="csl-right-inline">${text}</div>` : text
    return {
      id,
      html: `<div class="csl-entry">${number}${body} <span class="backlinks">↑ <a href="#cite-${i + 1}" aria-label="Back to citation 1">1</a></span></div>`,
      lang: undefined,
      item: { id, type: 'report', title: node.label, URL: `https://example.org/${id}` } as Reference['item'],
      citedAt: [`cite-${i + 1}`],
    }
  })
  return {
    slug,
    lang,
    sourcePath: `/content/${slug}/brief.md`,
    meta: { title, date, authors: [{ name: 'Editors' }] },
    arguments: map.nodes
      .filter((node) => node.kind === 'claim')
      .map((node) => ({
        id: node.href.slice(1),
        kind: node.argumentKind ?? 'policy',
        title: node.argument ?? '',
        claimHtml: node.label,
        listClaimHtml: node.label,
        html: '',
      })),
    references,
    argumentMap: map,
  } as unknown as CompiledBrief
}
