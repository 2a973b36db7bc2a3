import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { removeOwnStaging } from '../../src/dev/leftovers.ts'

/** A folder with an out dir `dist` in it, and the other folders named. */
function scratch(folders: string[]): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'briefkit-leftovers-'))
  for (const folder of folders) {
    fs.mkdirSync(path.join(root, folder), { recursive: true })
    fs.writeFileSync(path.join(root, folder, 'index.html'), folder)
  }
  return root
}

describe('removeOwnStaging', () => {
  const pid = process.pid

  it('removes this process\'s staging folders, and leaves another process\'s and the out dir alone', () => {
    const root = scratch(['dist', `dist.briefkit-tmp-${pid}-1`, `dist.briefkit-tmp-${pid}-2`, `dist.briefkit-tmp-${pid + 1}-1`, 'distant'])
    removeOwnStaging(path.join(root, 'dist'))
    expect(fs.readdirSync(root).sort()).toEqual(['dist', `dist.briefkit-tmp-${pid + 1}-1`, 'distant'])
  })

  it('puts the old out dir back when a build left between moving it aside and swapping the new one in', () => {
    const root = scratch([`dist.briefkit-old-${pid}-1`, `dist.briefkit-tmp-${pid}-1`])
    removeOwnStaging(path.join(root, 'dist'))
    expect(fs.readdirSync(root)).toEqual(['dist'])
    expect(fs.readFileSync(path.join(root, 'dist', 'index.html'), 'utf8')).toBe(`dist.briefkit-old-${pid}-1`)
  })

  it('removes the old out dir once the new one is in place', () => {
    const root = scratch(['dist', `dist.briefkit-old-${pid}-1`])
    removeOwnStaging(path.join(root, 'dist'))
    expect(fs.readdirSync(root)).toEqual(['dist'])
    expect(fs.readFileSync(path.join(root, 'dist', 'index.html'), 'utf8')).toBe('dist')
  })

  it('does nothing when the out dir\'s parent does not exist', () => {
    expect(() => removeOwnStaging(path.join(os.tmpdir(), 'briefkit-no-such-folder', 'dist'))).not.toThrow()
  })
})
