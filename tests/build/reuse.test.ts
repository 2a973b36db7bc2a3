import fs from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { copySite, runCli } from '../helpers/sites.ts'

const mtime = (file: string) => fs.statSync(file).mtimeMs

// Two briefs with PDFs (real Chromium), built again: what did not change is not printed or written anew.
describe('building again', () => {
  const site = copySite('citations')
  const zhPdf = () => path.join(site.out, 'zh', 'policy-zh', 'policy-zh.pdf')
  const enPdf = () => path.join(site.out, 'en', 'policy-en', 'policy-en.pdf')
  const build = (...flags: string[]) => runCli(['build', '--content', site.content, '--out', site.out, ...flags])

  beforeAll(async () => {
    expect((await build()).code).toBe(0)
  }, 60_000)

  it('reuses every PDF and leaves every unchanged file as it was when nothing changed', async () => {
    const before = [zhPdf(), enPdf(), path.join(site.out, 'zh', 'policy-zh', 'index.html')].map(mtime)
    const again = await build()
    expect(again.stderr).toMatch(/2 PDFs \(2 unchanged, reused\)/)
    expect([zhPdf(), enPdf(), path.join(site.out, 'zh', 'policy-zh', 'index.html')].map(mtime)).toEqual(before)
  }, 60_000)

  it('prints only the PDF of the brief that changed', async () => {
    const [zhBefore, enBefore] = [mtime(zhPdf()), mtime(enPdf())]
    fs.appendFileSync(path.join(site.content, 'policy-en', 'arguments', '01.md'), '\nA new sentence.\n')
    const again = await build()
    expect(again.stderr).toMatch(/PDF 2\/2 en\/policy-en/)
    expect(again.stderr).toMatch(/1 unchanged, reused/)
    expect(mtime(zhPdf())).toBe(zhBefore)
    expect(mtime(enPdf())).toBeGreaterThan(enBefore)
  }, 60_000)

  it('discards a damaged cache with a warning, and --force prints everything', async () => {
    fs.writeFileSync(path.join(site.out, '.briefkit-pdfs.json'), '{not json')
    const damaged = await build()
    expect(damaged.stderr).toMatch(/briefkit: warning: .*\.briefkit-pdfs\.json is damaged; every PDF is printed anew/)
    expect(damaged.stderr).not.toMatch(/reused/)
    const forced = await build('--force')
    expect(forced.code).toBe(0)
    expect(forced.stderr).not.toMatch(/reused/)
  }, 90_000)
})
