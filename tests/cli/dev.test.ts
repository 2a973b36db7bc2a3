import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { copySite, runCli } from '../helpers/sites.ts'

describe('briefkit dev on the command line', () => {
  it('is in the usage, with --port and --open', async () => {
    const { stdout } = await runCli(['--help'])
    expect(stdout).toMatch(/^ {2}dev {2,}/m)
    expect(stdout).toMatch(/--port N/)
    expect(stdout).toMatch(/--open/)
  })

  it('exits 2 on a port that is not a number, before building anything', async () => {
    const result = await runCli(['dev', '--port', '80a'])
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/`--port 80a` is not a port number/)
  })

  it('exits 2 on an out dir that overlaps the content folder, before serving anything', async () => {
    const site = copySite('unseen')
    const result = await runCli(['dev', '--content', site.content, '--out', path.join(site.content, 'dist')])
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/overlap/)
  })
})
