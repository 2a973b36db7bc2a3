import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { BuildCache } from '../../src/core/cache.ts'
import { type LinkedSite, lintLinks } from '../../src/lint/links.ts'

const config = { lint: {} }

/** A site of two pages, the first linking to `#evidence` on the second, whose HTML is `html`. */
function site(html: string): LinkedSite {
  return {
    briefs: [
      { pagePath: 'en/a/index.html', links: [{ url: '../b/#evidence', path: 'a/brief.md', line: 3, column: 1 }] },
    ],
    paths: new Set(['en/a/index.html', 'en/b/index.html']),
    html: (page) => (page === 'en/b/index.html' ? html : '<p>a</p>'),
  }
}

const reasons = (files: ReturnType<typeof lintLinks>) => files.flatMap((f) => f.messages.map((m) => m.reason))

describe('lintLinks', () => {
  it('finds a link to an id the page has, and reports one the page does not have', () => {
    expect(reasons(lintLinks(site('<h2 id="evidence">E</h2>'), config))).toEqual([])
    expect(reasons(lintLinks(site('<h2 id="evidence-1">E</h2>'), config))).toEqual([
      'Link `../b/#evidence`: en/b/index.html has no id `evidence`',
    ])
  })

  it('with a cache, reports a link whose id an edited page lost (ids are kept by the HTML, never stale)', () => {
    const cache = new BuildCache(fs.mkdtempSync(path.join(os.tmpdir(), 'briefkit-ids-')), () => undefined)
    expect(reasons(lintLinks(site('<h2 id="evidence">E</h2>'), config, cache))).toEqual([])
    expect(reasons(lintLinks(site('<h2 id="evidence">E</h2>'), config, cache))).toEqual([])
    expect(reasons(lintLinks(site('<h2 id="evidence-1">E</h2>'), config, cache))).toEqual([
      'Link `../b/#evidence`: en/b/index.html has no id `evidence`',
    ])
    expect(reasons(lintLinks(site('<h2 id="evidence">E</h2>'), config, cache))).toEqual([])
  })
})
