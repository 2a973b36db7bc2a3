import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { stages } from '../../src/reporting/timings.ts'
import { copySite, runCli } from '../helpers/sites.ts'

describe('briefkit --timings', () => {
  afterEach(() => {
    delete process.env['BRIEFKIT_TIMINGS']
  })

  it('prints the time of each stage after a check, compile and its citations among them', async () => {
    const site = copySite('unseen')
    const result = await runCli(['check', '--no-pdf', '--timings', '--content', site.content])
    expect(result.code, result.stderr).toBe(0)
    expect(result.stderr).toMatch(/briefkit: time per stage/)
    expect(result.stderr).toMatch(/^ {2}compile +\d+ ms +\d+\.\d%$/m)
    expect(result.stderr).toMatch(/^ {4}citations +\d+ ms/m)
    expect(result.stderr).toMatch(/^ {2}total +\d+ ms +100\.0%$/m)
  })

  it('writes them as JSON to BRIEFKIT_TIMINGS, without printing the table', async () => {
    const site = copySite('unseen')
    const file = path.join(site.root, 'timings.json')
    process.env['BRIEFKIT_TIMINGS'] = file
    const result = await runCli(['build', '--no-pdf', '--content', site.content, '--out', site.out])
    expect(result.code, result.stderr).toBe(0)
    expect(result.stderr).not.toMatch(/time per stage/)
    const times = JSON.parse(fs.readFileSync(file, 'utf8'))
    expect(Object.keys(times.stages)).toEqual([...stages])
    expect(times.stages.compile).toBeGreaterThan(0)
    expect(times.stages.write).toBeGreaterThan(0)
    expect(times.total).toBeGreaterThan(times.stages.compile)
  })

  it('records nothing without the flag', async () => {
    const site = copySite('unseen')
    const result = await runCli(['check', '--no-pdf', '--content', site.content])
    expect(result.stderr).not.toMatch(/time per stage/)
  })
})
