import path from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  describeRebuildSet,
  isEditorTemp,
  mergeRebuildSets,
  rebuildSet,
  type SourceLayout,
} from '../../src/dev/rebuild-set.ts'

const root = path.resolve('/site')
const layout: SourceLayout = {
  contentDir: path.join(root, 'content'),
  languages: ['zh', 'en'],
  themeDirs: [path.join(root, 'templates', 'report'), path.resolve('/pkg/templates/default')],
  styleDirs: [path.join(root, 'styles')],
  outDir: path.join(root, 'dist'),
}
const at = (...parts: string[]) => path.join(root, ...parts)
const setFor = (...files: string[]) => rebuildSet(files, layout)

describe('the rebuild set', () => {
  it('maps a file of a brief to that brief, and its edition when the path tells', () => {
    expect(setFor(at('content', 'mining', 'arguments', '01-policy.md'))).toEqual({
      kind: 'briefs',
      briefs: [{ slug: 'mining', edition: 'original' }],
    })
    expect(setFor(at('content', 'mining', 'brief.md'))).toEqual({
      kind: 'briefs',
      briefs: [{ slug: 'mining', edition: 'original' }],
    })
    expect(setFor(at('content', 'mining', 'en', 'arguments', '01-policy.md'))).toEqual({
      kind: 'briefs',
      briefs: [{ slug: 'mining', edition: 'en' }],
    })
    expect(setFor(at('content', 'mining', 'en'))).toEqual({
      kind: 'briefs',
      briefs: [{ slug: 'mining', edition: 'en' }],
    })
  })

  it("maps a brief's bibliography or image to every edition of it", () => {
    expect(setFor(at('content', 'mining', 'references.bib'))).toEqual({ kind: 'briefs', briefs: [{ slug: 'mining' }] })
    expect(setFor(at('content', 'mining', 'figures', 'heat.svg'))).toEqual({
      kind: 'briefs',
      briefs: [{ slug: 'mining' }],
    })
  })

  it('does not take a subfolder named like no site language for a translation', () => {
    expect(setFor(at('content', 'mining', 'fr', 'brief.md'))).toEqual({
      kind: 'briefs',
      briefs: [{ slug: 'mining', edition: 'original' }],
    })
  })

  it("rebuilds everything for site.yaml, a theme file, the site's styles, a shared .bib or .csl, a `_` folder", () => {
    expect(setFor(at('content', 'site.yaml'))).toEqual({ kind: 'everything', because: 'site.yaml' })
    expect(setFor(at('templates', 'report', 'assets', 'style.css'))).toEqual({
      kind: 'everything',
      because: path.join('templates', 'report', 'assets', 'style.css'),
    })
    expect(setFor(path.resolve('/pkg/templates/default/layouts/base.liquid'))).toEqual({
      kind: 'everything',
      because: path.join('templates', 'default', 'layouts', 'base.liquid'),
    })
    expect(setFor(at('styles', 'house.csl'))).toEqual({ kind: 'everything', because: path.join('styles', 'house.csl') })
    expect(setFor(at('content', 'shared.bib')).kind).toBe('everything')
    expect(setFor(at('content', '_shared', 'gb.csl')).kind).toBe('everything')
    expect(setFor(at('content', '_shared', 'logo.png')).kind).toBe('everything')
    expect(setFor(at('content', 'new-brief')).kind).toBe('everything')
  })

  it("ignores editor temp files, dotfiles and the build's own output", () => {
    for (const name of [
      '.01-policy.md.swp',
      '01-policy.md.swx',
      '01-policy.md~',
      '.#01-policy.md',
      '#01-policy.md#',
      '4913',
      '.DS_Store',
      'brief.md.tmp',
      '01-policy.md___jb_tmp___',
    ]) {
      expect(setFor(at('content', 'mining', 'arguments', name)), name).toEqual({ kind: 'nothing' })
    }
    expect(setFor(at('content', '.git', 'index'))).toEqual({ kind: 'nothing' })
    expect(setFor(at('content', 'mining', '.cache', 'x.md'))).toEqual({ kind: 'nothing' })
    expect(setFor(at('templates', 'report', 'layouts', '.base.liquid.swp'))).toEqual({ kind: 'nothing' })
    expect(setFor(at('dist', 'index.html'), at('dist.briefkit-tmp-1-2', 'index.html'))).toEqual({ kind: 'nothing' })
    expect(isEditorTemp('brief.md')).toBe(false)
  })

  it('unites a burst of changes: briefs are merged, everything wins, temp files add nothing', () => {
    const files = [
      at('content', 'a', 'brief.md'),
      at('content', 'b', 'en', 'brief.md'),
      at('content', 'a', 'conclusion.md'),
      at('content', 'a', '.brief.md.swp'),
    ]
    expect(setFor(...files)).toEqual({
      kind: 'briefs',
      briefs: [
        { slug: 'a', edition: 'original' },
        { slug: 'b', edition: 'en' },
      ],
    })
    expect(
      setFor(
        at('content', 'a', 'brief.md'),
        at('content', 'a', 'references.bib'),
        at('content', 'a', 'en', 'brief.md'),
      ),
    ).toEqual({ kind: 'briefs', briefs: [{ slug: 'a' }] })
    expect(setFor(at('content', 'a', 'brief.md'), at('content', 'site.yaml')).kind).toBe('everything')
    expect(mergeRebuildSets({ kind: 'nothing' }, { kind: 'nothing' })).toEqual({ kind: 'nothing' })
  })

  it('says what changed', () => {
    expect(describeRebuildSet(setFor(at('content', 'mining-not-viable', 'brief.md')))).toBe(
      'mining-not-viable changed, rebuilding…',
    )
    expect(
      describeRebuildSet(setFor(at('content', 'mining-not-viable', 'en', 'brief.md'), at('content', 'b', 'x.bib'))),
    ).toBe('mining-not-viable/en, b changed, rebuilding…')
    expect(describeRebuildSet(setFor(at('content', 'site.yaml')))).toBe('site.yaml changed, rebuilding everything…')
  })
})
