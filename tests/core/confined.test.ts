import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { VFile } from 'vfile'
import { describe, expect, it } from 'vitest'
import { readInside, resolveInside } from '../../src/core/confined.ts'

function layout() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'briefkit-confined-'))
  const content = path.join(root, 'content')
  fs.mkdirSync(path.join(content, 'brief'), { recursive: true })
  fs.writeFileSync(path.join(content, 'brief', 'a.md'), 'A')
  fs.writeFileSync(path.join(root, 'secret.txt'), 'secret')
  return { root, content, at: (name: string) => path.join(content, 'brief', name) }
}

describe('resolveInside', () => {
  it('gives the real path of a file inside, through a symlink that stays inside', () => {
    const { content, at } = layout()
    fs.symlinkSync('a.md', at('link.md'))
    expect(resolveInside(content, at('link.md'))).toEqual({ ok: true, path: fs.realpathSync(at('a.md')) })
  })

  it('refuses a symlink to a file outside, and a path that climbs out', () => {
    const { root, content, at } = layout()
    fs.symlinkSync(path.join(root, 'secret.txt'), at('secret.png'))
    expect(resolveInside(content, at('secret.png'))).toMatchObject({ ok: false, problem: 'outside' })
    expect(resolveInside(content, path.join(content, '..', 'secret.txt'))).toMatchObject({
      ok: false,
      problem: 'outside',
    })
  })

  it('tells a missing file from a link to nothing, a folder and a FIFO', () => {
    const { content, at } = layout()
    fs.symlinkSync('gone.md', at('dangling.md'))
    execFileSync('mkfifo', [at('pipe.md')])
    expect(resolveInside(content, at('none.md'))).toMatchObject({ ok: false, problem: 'missing' })
    expect(resolveInside(content, at('dangling.md'))).toMatchObject({
      ok: false,
      problem: 'unreadable',
      code: 'a link to nothing',
    })
    expect(resolveInside(content, path.join(content, 'brief'))).toMatchObject({
      ok: false,
      problem: 'wrong-type',
      code: 'EISDIR',
    })
    expect(resolveInside(content, at('pipe.md'))).toMatchObject({
      ok: false,
      problem: 'wrong-type',
      code: 'not a regular file',
    })
    expect(resolveInside(content, path.join(content, 'brief'), 'directory')).toMatchObject({ ok: true })
    expect(resolveInside(content, at('a.md'), 'directory')).toMatchObject({
      ok: false,
      problem: 'wrong-type',
      code: 'ENOTDIR',
    })
  })

  it('does not take a folder named `..x` for a way out', () => {
    const { content } = layout()
    fs.mkdirSync(path.join(content, '..x'))
    fs.writeFileSync(path.join(content, '..x', 'b.md'), 'B')
    expect(resolveInside(content, path.join(content, '..x', 'b.md'))).toMatchObject({ ok: true })
  })
})

describe('readInside', () => {
  it('reads a file inside into the VFile, and reports one outside without reading it', () => {
    const { root, content, at } = layout()
    const good = new VFile({ path: at('a.md') })
    expect(readInside(good, content, 'argument')).toBe(true)
    expect(good.value).toBe('A')
    fs.symlinkSync(path.join(root, 'secret.txt'), at('b.md'))
    const bad = new VFile({ path: at('b.md') })
    expect(readInside(bad, content, 'argument')).toBe(false)
    expect(bad.value).toBeUndefined()
    expect(bad.messages).toMatchObject([{ ruleId: 'file-outside-content', fatal: true }])
  })
})
