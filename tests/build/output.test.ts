import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkOutDir, outputMarker, writeAtomically } from '../../src/build/output.ts'
import { snapshot } from '../helpers/sites.ts'

const scratch = () => fs.mkdtempSync(path.join(os.tmpdir(), 'briefkit-out-'))

describe('writeAtomically', () => {
  it('replaces the whole out dir, removing files of the previous build', async () => {
    const out = path.join(scratch(), 'dist')
    await writeAtomically(out, [{ path: 'old.html', content: 'old' }])
    await writeAtomically(out, [{ path: 'a/new.html', content: 'new' }])
    expect(Object.keys(snapshot(out))).toEqual([path.join('a', 'new.html')])
    expect(fs.readdirSync(path.dirname(out))).toEqual(['dist'])
  })

  it('leaves the previous out dir exactly as it was when a write fails', async () => {
    const out = path.join(scratch(), 'dist')
    await writeAtomically(out, [{ path: 'index.html', content: 'v1' }])
    const before = snapshot(out)
    await expect(writeAtomically(out, [
      { path: 'index.html', content: 'v2' },
      { path: 'img.png', from: '/nonexistent/img.png' },
    ])).rejects.toThrow(/ENOENT/)
    expect(snapshot(out)).toEqual(before)
    expect(fs.readdirSync(path.dirname(out))).toEqual(['dist'])
  })

  it('refuses a path that leaves the out dir', async () => {
    const out = path.join(scratch(), 'dist')
    await expect(writeAtomically(out, [{ path: '../escape.html', content: 'x' }])).rejects.toThrow(/escapes/)
  })
})

describe('checkOutDir', () => {
  it('refuses to replace a folder briefkit did not write', () => {
    const dir = scratch()
    fs.writeFileSync(path.join(dir, 'precious.txt'), 'keep me')
    expect(() => checkOutDir(dir, path.join(os.tmpdir(), 'content'))).toThrow(/was not written by briefkit/)
  })

  it('accepts an empty, missing or earlier briefkit out dir', () => {
    expect(() => checkOutDir(path.join(scratch(), 'dist'), '/elsewhere/content')).not.toThrow()
    const earlier = scratch()
    fs.writeFileSync(path.join(earlier, outputMarker), '')
    fs.writeFileSync(path.join(earlier, 'index.html'), '')
    expect(() => checkOutDir(earlier, '/elsewhere/content')).not.toThrow()
  })

  it('refuses an out dir that overlaps the content folder', () => {
    expect(() => checkOutDir('/site', '/site/content')).toThrow(/overlap/)
    expect(() => checkOutDir('/site/content/dist', '/site/content')).toThrow(/overlap/)
  })
})
