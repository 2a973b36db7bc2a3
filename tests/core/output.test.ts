import { createHash } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { cacheDirFor } from '../../src/core/cache.ts'
import { checkOutDir, outputMarker, writeAtomically } from '../../src/core/output.ts'
import { copySite, runCli, snapshot } from '../helpers/sites.ts'

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
    await expect(
      writeAtomically(out, [
        { path: 'index.html', content: 'v2' },
        { path: 'img.png', from: '/nonexistent/img.png' },
      ]),
    ).rejects.toThrow(/ENOENT/)
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

const mtime = (file: string) => fs.statSync(file).mtimeMs

// Two briefs with PDFs (real Chromium), built again: what did not change is not printed or written anew.
describe('building again', () => {
  const site = copySite('citations')
  const zhPdf = () => path.join(site.out, 'zh', 'policy-zh', 'policy-zh.pdf')
  const enPdf = () => path.join(site.out, 'en', 'policy-en', 'policy-en.pdf')
  const build = (...flags: string[]) => runCli(['build', '--content', site.content, '--out', site.out, ...flags])

  beforeAll(async () => {
    // Note: the site's own theme, so a test can change a stylesheet of it.
    const theme = path.join(site.root, 'templates', 'mine')
    fs.mkdirSync(path.join(theme, 'assets'), { recursive: true })
    fs.writeFileSync(path.join(theme, 'theme.yaml'), 'extends: default\n')
    fs.copyFileSync(
      path.join(import.meta.dirname, '..', '..', 'templates', 'default', 'assets', 'print.css'),
      path.join(theme, 'assets', 'print.css'),
    )
    fs.appendFileSync(path.join(site.content, 'site.yaml'), 'theme: mine\n')
    expect((await build()).code).toBe(0)
  }, 60_000)

  it('reuses every PDF and leaves every unchanged file as it was when nothing changed', async () => {
    const before = [zhPdf(), enPdf(), path.join(site.out, 'zh', 'policy-zh', 'index.html')].map(mtime)
    const again = await build()
    expect(again.stderr).toMatch(
      /2 PDFs \(0 printed, 2 unchanged from the cache\) from 2 briefs \(2 unchanged from the cache\)/,
    )
    expect(again.stderr).toMatch(/0 files changed/)
    expect([zhPdf(), enPdf(), path.join(site.out, 'zh', 'policy-zh', 'index.html')].map(mtime)).toEqual(before)
  }, 60_000)

  it('prints only the PDF of the brief that changed', async () => {
    const [zhBefore, enBefore] = [mtime(zhPdf()), mtime(enPdf())]
    fs.appendFileSync(path.join(site.content, 'policy-en', 'arguments', '01.md'), '\nA new sentence.\n')
    const again = await build()
    expect(again.stderr).toMatch(/PDF 2\/2 en\/policy-en/)
    expect(again.stderr).toMatch(/1 printed, 1 unchanged from the cache\) from 2 briefs \(1 unchanged from the cache\)/)
    expect(mtime(zhPdf())).toBe(zhBefore)
    expect(mtime(enPdf())).toBeGreaterThan(enBefore)
  }, 60_000)

  it('prints nothing when a change to one brief leaves its output as it was (a comment)', async () => {
    const before = [mtime(zhPdf()), mtime(enPdf())]
    fs.appendFileSync(path.join(site.content, 'policy-zh', 'arguments', '01.md'), '\n<!-- 编辑备注 -->\n')
    const again = await build()
    expect(again.stderr).toMatch(/0 printed, 2 unchanged from the cache\) from 2 briefs \(1 unchanged from the cache\)/)
    expect([mtime(zhPdf()), mtime(enPdf())]).toEqual(before)
  }, 60_000)

  it("prints every PDF again when the theme's print stylesheet changes, and rewrites no brief page", async () => {
    const page = path.join(site.out, 'zh', 'policy-zh', 'index.html')
    const [pageBefore, pdfBefore] = [mtime(page), mtime(zhPdf())]
    fs.appendFileSync(
      path.join(site.root, 'templates', 'mine', 'assets', 'print.css'),
      '\nh2 { letter-spacing: 0.01em; }\n',
    )
    const again = await build()
    expect(again.stderr).toMatch(/2 printed, 0 unchanged/)
    expect(mtime(zhPdf())).toBeGreaterThan(pdfBefore)
    expect(mtime(page)).toBe(pageBefore)
  }, 60_000)

  it('prints every PDF again when another stylesheet of the print page changes (a theme overriding print-figures.css)', async () => {
    const pdfBefore = mtime(zhPdf())
    fs.writeFileSync(
      path.join(site.root, 'templates', 'mine', 'assets', 'print-figures.css'),
      `${fs.readFileSync(path.join(import.meta.dirname, '..', '..', 'templates', 'default', 'assets', 'print-figures.css'), 'utf8')}\n.stat { border-top-width: 3pt; }\n`,
    )
    const again = await build()
    expect(again.stderr).toMatch(/2 printed, 0 unchanged/)
    expect(mtime(zhPdf())).toBeGreaterThan(pdfBefore)
  }, 60_000)

  it('publishes the true PDF after one in the out dir was written in place (regression: a hard link to the cache entry)', async () => {
    const cacheDir = path.join(cacheDirFor(site.content, undefined), 'pdfs')
    const entries = () =>
      fs
        .readdirSync(cacheDir)
        .filter((n) => n.endsWith('.pdf'))
        .map((n) => path.join(cacheDir, n))
    const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex')
    const before = new Map(entries().map((e) => [e, sha(e)]))
    const truePdf = fs.readFileSync(zhPdf())
    expect(entries().some((e) => fs.statSync(e).ino === fs.statSync(zhPdf()).ino)).toBe(false)
    // Note: in place, through the same inode, as an editor or a careless script would.
    const handle = fs.openSync(zhPdf(), 'r+')
    fs.writeSync(handle, Buffer.from('tampered'), 0, 8, 200)
    fs.closeSync(handle)
    expect(new Map(entries().map((e) => [e, sha(e)]))).toEqual(before)
    const again = await build()
    expect(again.stderr).toMatch(/0 printed, 2 unchanged from the cache/)
    expect(fs.readFileSync(zhPdf()).equals(truePdf)).toBe(true)
  }, 60_000)

  it('takes PDFs from the cache into an out dir that is new', async () => {
    const elsewhere = path.join(site.root, 'elsewhere')
    const fresh = await runCli(['build', '--content', site.content, '--out', elsewhere])
    expect(fresh.stderr).toMatch(/0 printed, 2 unchanged from the cache/)
    expect(
      fs.readFileSync(path.join(elsewhere, 'zh', 'policy-zh', 'policy-zh.pdf')).equals(fs.readFileSync(zhPdf())),
    ).toBe(true)
  }, 60_000)

  it('discards damaged cache entries with a warning, and --force prints everything', async () => {
    const cache = cacheDirFor(site.content, undefined)
    for (const kind of ['briefs', 'pdfs']) {
      for (const name of fs.readdirSync(path.join(cache, kind)))
        fs.writeFileSync(path.join(cache, kind, name), '{cut sh')
    }
    const damaged = await build()
    expect(damaged.code).toBe(0)
    expect(damaged.stderr).toMatch(/briefkit: warning: the cache entry .*briefs.* is damaged; it was removed/)
    expect(damaged.stderr).toMatch(
      /briefkit: warning: the cache entry .*\.pdf is damaged \(its bytes are not those it was stored with\); it was removed/,
    )
    expect(damaged.stderr).toMatch(/2 printed, 0 unchanged/)
    const forced = await build('--force')
    expect(forced.code).toBe(0)
    expect(forced.stderr).toMatch(/2 printed, 0 unchanged/)
    expect(forced.stderr).not.toMatch(/briefs \(\d+ unchanged/)
  }, 90_000)
})
