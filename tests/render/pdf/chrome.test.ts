import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { findChrome } from '../../../src/render/pdf/chrome.ts'

const saved = { chrome: process.env['BRIEFKIT_CHROME'], path: process.env['PATH'] }
afterEach(() => {
  if (saved.chrome === undefined) delete process.env['BRIEFKIT_CHROME']
  else process.env['BRIEFKIT_CHROME'] = saved.chrome
  process.env['PATH'] = saved.path
})

function fakeBrowser(name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'briefkit-chrome-'))
  const file = path.join(dir, name)
  fs.writeFileSync(file, '#!/bin/sh\n', { mode: 0o755 })
  return file
}
const noManaged = () => {
  throw new Error('Could not find Chrome')
}

describe('findChrome', () => {
  it('takes BRIEFKIT_CHROME first', () => {
    process.env['BRIEFKIT_CHROME'] = fakeBrowser('my-chrome')
    expect(findChrome(() => fakeBrowser('chrome'))).toBe(process.env['BRIEFKIT_CHROME'])
  })

  it('says so when BRIEFKIT_CHROME is not a browser', () => {
    process.env['BRIEFKIT_CHROME'] = '/nonexistent/chrome'
    expect(() => findChrome(noManaged)).toThrow(/BRIEFKIT_CHROME points at `\/nonexistent\/chrome`/)
  })

  it("prefers Puppeteer's own Chrome, then one on the PATH", () => {
    delete process.env['BRIEFKIT_CHROME']
    const managed = fakeBrowser('chrome')
    expect(findChrome(() => managed)).toBe(managed)
    const system = fakeBrowser('chromium')
    process.env['PATH'] = path.dirname(system)
    expect(findChrome(noManaged)).toBe(system)
  })

  it('fails with how to get one', () => {
    delete process.env['BRIEFKIT_CHROME']
    process.env['PATH'] = fs.mkdtempSync(path.join(os.tmpdir(), 'briefkit-empty-'))
    expect(() => findChrome(noManaged)).toThrow(
      expect.objectContaining({
        message: expect.stringMatching(/Chromium not found/),
        hint: expect.stringMatching(/apt-get install chromium/),
      }),
    )
  })
})
