import fs from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { checkJson, copySite, expectRefused, runCli, type Site } from '../helpers/sites.ts'

const argument = (site: Site, name: string) => path.join(site.content, 'grid-batteries', 'arguments', name)
const edit = (site: Site, name: string, from: string, to: string) => {
  const text = fs.readFileSync(argument(site, name), 'utf8')
  expect(text).toContain(from)
  fs.writeFileSync(argument(site, name), text.replace(from, to))
}

/** `briefkit check --format json` on a copy of the argument-map fixture, changed by `change`. */
async function check(change: (site: Site) => void = () => {}) {
  const site = copySite('argument-map')
  change(site)
  const { code, problems } = await checkJson(site.content)
  return {
    code,
    problems,
    at: problems.map((p) => `${p.severity} ${p.rule} ${path.basename(p.path)}:${p.line}:${p.column}`),
  }
}

describe('argument map lints', () => {
  it('warns about an objection without a response, at the objection', async () => {
    const { code, at, problems } = await check()
    expect(code).toBe(0)
    expect(at).toEqual(['warning unanswered-objection 02-cost.md:9:1'])
    expect(problems[0]?.hint).toMatch(/:::response/)
  })

  it('refuses `supports:` naming an id the brief does not have, at the id, with the nearest id', async () => {
    const { code, at, problems } = await check((site) =>
      edit(site, '02-cost.md', 'supports: [reliability]', 'supports: [reliabilty]'),
    )
    expect(code).toBe(1)
    expect(at).toContain('error dangling-relation 02-cost.md:5:12')
    const problem = problems.find((p) => p.rule === 'dangling-relation')
    expect(problem?.message).toBe('`supports` names `reliabilty`, which is no argument of this brief')
    expect(problem?.hint).toMatch(/^Did you mean `reliability`\?/)
  })

  it('refuses `attacks:` naming an id the brief does not have, in a block list, at the id', async () => {
    const { at, problems } = await check((site) =>
      edit(site, '03-gas.md', 'attacks: [cost]', 'attacks:\n  - cost\n  - grid'),
    )
    expect(at).toContain('error dangling-relation 03-gas.md:9:5')
    // Note: nothing is close to `grid`: the hint lists the ids there are instead of guessing.
    expect(problems.find((p) => p.rule === 'dangling-relation')?.hint).toMatch(
      /^The other arguments are `reliability`, `cost`, `supply`\. /,
    )
  })

  it('refuses arguments that support each other in a circle, naming them, at the first one’s `supports:`', async () => {
    const { code, at, problems } = await check((site) =>
      edit(site, '01-reliability.md', 'claim: Four-hour', 'supports: [supply]\nclaim: Four-hour'),
    )
    expect(code).toBe(1)
    // Note: reliability, supply and cost all support each other; one circle is named, the shortest.
    expect(at.filter((a) => a.includes('support-cycle'))).toEqual(['error support-cycle 01-reliability.md:4:1'])
    expect(problems.find((p) => p.rule === 'support-cycle')?.message).toBe(
      'Arguments support each other in a circle: `reliability` → `supply` → `reliability`',
    )
  })

  it('refuses an argument that supports itself', async () => {
    const { at, problems } = await check((site) =>
      edit(site, '02-cost.md', 'supports: [reliability]', 'supports: [reliability, cost]'),
    )
    expect(at).toContain('error support-cycle 02-cost.md:5:1')
    expect(problems.find((p) => p.rule === 'support-cycle')?.message).toBe('Argument `cost` supports itself')
  })

  it('refuses a response that does not directly follow an objection, at the response', async () => {
    const { code, at } = await check((site) =>
      fs.appendFileSync(argument(site, '04-supply.md'), '\nA paragraph between.\n\n:::response\nStray.\n:::\n'),
    )
    expect(code).toBe(1)
    expect(at).toContain('error response-without-objection 04-supply.md:19:1')
  })

  it('refuses two arguments with one id, at the second one’s file', async () => {
    const { code, at } = await check((site) => edit(site, '04-supply.md', 'kind: supply', 'kind: supply\nid: cost'))
    expect(code).toBe(1)
    expect(at).toContain('error duplicate-argument-id 04-supply.md:3:5')
  })

  it('follows the levels site.yaml sets', async () => {
    const { at } = await check((site) =>
      fs.appendFileSync(path.join(site.content, 'site.yaml'), 'lint:\n  unanswered-objection: error\n'),
    )
    expect(at).toEqual(['error unanswered-objection 02-cost.md:9:1'])
  })
})

describe('briefkit build with a dangling relation', () => {
  let built: Site
  beforeAll(async () => {
    built = copySite('argument-map')
    const result = await runCli(['build', '--no-pdf', '--content', built.content, '--out', built.out])
    expect(result.code, result.stderr).toBe(0)
  }, 120_000)

  it('exits 1 and leaves the out dir untouched', async () => {
    await expectRefused(
      'argument-map',
      built,
      (site) => edit(site, '02-cost.md', 'supports: [reliability]', 'supports: [reliabilty]'),
      /02-cost\.md:5:12: error: `supports` names `reliabilty`, which is no argument of this brief \[dangling-relation\]/,
    )
  }, 120_000)
})
