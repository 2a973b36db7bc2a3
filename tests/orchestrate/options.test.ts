import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { resolveRunOptions } from '../../src/orchestrate/options.ts'
import { defaultConcurrency } from '../../src/render/pdf/concurrency.ts'

describe('resolveRunOptions', () => {
  it('fills every default of build, check and dev', () => {
    const run = resolveRunOptions()
    expect(run).toMatchObject({
      contentDir: path.resolve('content'),
      outDir: path.resolve('dist'),
      write: true,
      draft: false,
      pagesOnly: false,
      pdf: true,
      concurrency: defaultConcurrency(),
      force: false,
      signal: undefined,
      port: 4173,
      open: false,
      pdfDelay: 1500,
      debounce: 75,
    })
    expect([run.onProgress, run.onWarning, run.log].every((f) => typeof f === 'function')).toBe(true)
  })

  it('keeps what it is given, folders made absolute, and gives the same again when resolved twice', () => {
    const given = { contentDir: 'site/content', outDir: '/tmp/out', pdf: false, port: 0, concurrency: 1, write: false }
    const run = resolveRunOptions(given)
    expect(run).toMatchObject({ ...given, contentDir: path.resolve('site/content') })
    expect(resolveRunOptions(run)).toEqual(run)
  })

  it('makes a run that writes nothing (check) a draft, whose placeholders warn; a build refuses them', () => {
    expect(resolveRunOptions({ write: false })).toMatchObject({
      draft: true,
      lintDefaults: { 'placeholder-text': 'warn' },
    })
    expect(resolveRunOptions({ write: true })).toMatchObject({
      draft: false,
      lintDefaults: { 'placeholder-text': 'error' },
    })
    expect(resolveRunOptions({ draft: true }).lintDefaults['placeholder-text']).toBe('warn')
    expect(resolveRunOptions({ write: false }).lintDefaults['dead-link']).toBe('error')
  })
})
