import fs from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { copySite, expectRefused, fillPlaceholders, runCli, type Site } from '../helpers/sites.ts'

const brief = (site: Site) => path.join(site.content, 'urban-trees', 'brief.md')
const argument = (site: Site) => path.join(site.content, 'urban-trees', 'arguments', 'b-cost.md')
const edit = (file: string, from: string | RegExp, to: string) =>
  fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(from, to))

/** Each kind of bad input, how to make it, and where and what the message must say. */
const badInputs: Array<[string, (site: Site) => void, RegExp]> = [
  [
    'invalid YAML',
    (s) => edit(brief(s), 'tags: [cities, heat]', 'tags: [cities, heat'),
    /urban-trees\/brief\.md:\d+:\d+: error: Invalid YAML.*\[invalid-yaml\]/,
  ],
  [
    'a missing required field',
    (s) => edit(brief(s), /^summary:.*\n/m, ''),
    /brief\.md:2:1: error: Missing required field `summary` in brief\.md \[missing-field\]/,
  ],
  [
    'an unknown kind',
    (s) => edit(argument(s), 'kind: cost', 'kind: costs'),
    /b-cost\.md:2:7: error: Unknown argument kind `costs` \[unknown-kind\]\n  hint: Allowed kinds: `evidence`, `cost`, `equity`\. Did you mean `cost`\?/,
  ],
  [
    'an unknown citation key',
    (s) => edit(argument(s), '@khan2021shade,', '@khan2021shad,'),
    /b-cost\.md:6:28: error: Unknown citation key `khan2021shad` \[unknown-citation\]\n  hint: Did you mean `khan2021shade`\?/,
  ],
  [
    'malformed BibTeX',
    (s) => edit(path.join(s.content, 'urban-trees', 'references.bib'), 'volume = {12},', 'volume = {12}'),
    /references\.bib:6:3: error: Invalid BibTeX.*\[invalid-bibliography\]/,
  ],
  [
    'an empty file',
    (s) => fs.writeFileSync(argument(s), ''),
    /b-cost\.md:1:1: error: argument is empty \[empty-file\]/,
  ],
  [
    'an unreadable file',
    (s) => {
      fs.rmSync(argument(s))
      fs.mkdirSync(argument(s))
    },
    /b-cost\.md:1:1: error: Cannot read argument \(EISDIR\) \[unreadable-file\]/,
  ],
  [
    'a missing image',
    (s) => edit(brief(s), 'figures/heat.svg', 'figures/hot.svg'),
    /brief\.md:25:1: error: Image `figures\/hot\.svg` not found \[missing-image\]/,
  ],
  [
    'an image outside the content folder',
    (s) => edit(brief(s), 'figures/heat.svg', '../../../etc/passwd'),
    /brief\.md:25:1: error: Image `\.\.\/\.\.\/\.\.\/etc\/passwd` is outside the content folder \[image-outside-content\]/,
  ],
  [
    'invalid site.yaml',
    (s) => fs.writeFileSync(path.join(s.content, 'site.yaml'), 'title: [unclosed\n'),
    /site\.yaml:\d+:\d+: error: Invalid YAML/,
  ],
]

describe('briefkit build on bad input', () => {
  let site: Site

  beforeAll(async () => {
    site = copySite('unseen')
    const first = await runCli(['build', '--no-pdf', '--content', site.content, '--out', site.out])
    expect(first.code).toBe(0)
  })

  it.each(badInputs)(
    '%s: exits 1 with a located message and leaves the out dir as it was',
    async (_name, breakIt, message) => {
      await expectRefused('unseen', site, breakIt, message)
    },
  )

  it('reports every problem of a build together', async () => {
    const broken = copySite('unseen')
    badInputs[2]![1](broken)
    badInputs[7]![1](broken)
    const result = await runCli(['build', '--no-pdf', '--content', broken.content, '--out', broken.out])
    expect(result.stderr).toMatch(/unknown-kind[\s\S]*missing-image|missing-image[\s\S]*unknown-kind/)
    expect(result.stderr).toMatch(/briefkit: 2 errors; nothing was written/)
  })

  it('reports malformed BibTeX alone, not every citation as unknown', async () => {
    const broken = copySite('unseen')
    badInputs[4]![1](broken)
    const result = await runCli(['build', '--no-pdf', '--content', broken.content, '--out', broken.out])
    expect(result.stderr).toMatch(/briefkit: 1 error; nothing was written/)
    expect(result.stderr).not.toMatch(/unknown-citation/)
  })
})

describe('briefkit command line', () => {
  it('exits 2 on an unknown command or flag, with a hint', async () => {
    expect((await runCli(['publish'])).code).toBe(2)
    const flag = await runCli(['build', '--colour'])
    expect(flag.code).toBe(2)
    expect(flag.stderr).toMatch(/--help/)
  })

  it('exits 2 on a --concurrency that is not a whole number above 0', async () => {
    for (const bad of ['0', 'two', '1.5']) {
      const result = await runCli(['build', '--concurrency', bad])
      expect(result.code).toBe(2)
      expect(result.stderr).toContain(`\`--concurrency ${bad}\` is not a whole number above 0`)
    }
  })

  it('exits 2 on a --shard that is not i/n, on --shard outside build, and on merge without shards', async () => {
    const bad = await runCli(['build', '--shard', '4/3'])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('`--shard 4/3` is not a shard')
    expect(bad.stderr).toMatch(/hint: .*--shard 2\/3/)
    const elsewhere = await runCli(['check', '--shard', '1/3'])
    expect(elsewhere.code).toBe(2)
    expect(elsewhere.stderr).toContain('`--shard` is an option of `build`')
    const empty = await runCli(['merge'])
    expect(empty.code).toBe(2)
    expect(empty.stderr).toMatch(/`merge` needs the shard folders to merge\n\s+hint: briefkit merge dist-shard-1-of-3/)
  })

  it('exits 2 when merge is given a folder that is not a shard, naming it', async () => {
    const site = copySite('unseen')
    const result = await runCli(['merge', site.content, '--content', site.content, '--out', site.out])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain(`\`${site.content}\` is not a shard folder: its manifest.json cannot be read`)
    expect(fs.existsSync(site.out)).toBe(false)
  })

  it('check validates without writing', async () => {
    const site = copySite('unseen')
    const result = await runCli(['check', '--content', site.content])
    expect(result.code).toBe(0)
    expect(result.stderr).toMatch(/warning: `unused2018` is in the bibliography but never cited \[uncited-reference\]/)
    expect(fs.existsSync(site.out)).toBe(false)
  })

  it('check refuses characters the PDF fonts cannot draw, naming the file and the characters', async () => {
    const site = copySite('unseen')
    edit(argument(site), /\n$/, ' Hieroglyph 𓀀 here.\n')
    const result = await runCli(['check', '--content', site.content])
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(
      /b-cost\.md:\d+:\d+: error: The PDF fonts have no glyph for 1 character: 𓀀 \(U\+13000\) \[missing-glyphs\]/,
    )
    expect((await runCli(['check', '--no-pdf', '--content', site.content])).code).toBe(0)
  })

  it('new scaffolds a brief with a file per argument kind, which builds once filled in, and never overwrites', async () => {
    const site = copySite('bilingual')
    const created = await runCli(['new', 'carbon-tax', '--content', site.content])
    expect(created.code, created.stderr).toBe(0)
    const dir = path.join(site.content, 'carbon-tax')
    expect(fs.readdirSync(path.join(dir, 'arguments')).sort()).toEqual([
      '01-policy.md',
      '02-environment.md',
      '03-economics.md',
      '04-centralization.md',
      '05-value.md',
    ])
    expect(fs.readFileSync(path.join(dir, 'brief.md'), 'utf8')).toMatch(/^lang: zh$/m)
    expect(fs.existsSync(path.join(dir, 'conclusion.md')) && fs.existsSync(path.join(dir, 'references.bib'))).toBe(true)
    expect((await runCli(['check', '--content', site.content])).code).toBe(0)
    // The author fills it in: their own words, a source, and a citation of it.
    fillPlaceholders(dir)
    fs.appendFileSync(
      path.join(dir, 'references.bib'),
      '@report{oecd2024,\n  author = {{OECD}},\n  title = {Carbon Pricing},\n  date = {2024},\n  langid = {english},\n}\n',
    )
    fs.appendFileSync(path.join(dir, 'arguments', '02-environment.md'), '\n碳价有效[@oecd2024]。\n')
    const built = await runCli(['build', '--no-pdf', '--content', site.content, '--out', site.out])
    expect(built.code, built.stderr).toBe(0)
    expect(fs.existsSync(path.join(site.out, 'zh', 'carbon-tax', 'index.html'))).toBe(true)
    const again = await runCli(['new', 'carbon-tax', '--content', site.content])
    expect(again.code).toBe(2)
    expect(again.stderr).toMatch(/already exists/)
    expect((await runCli(['new', 'x', '--lang', 'fr', '--content', site.content])).stderr).toMatch(
      /`fr` is not one of the site's languages/,
    )
  })

  it('accepts --no-pdf', async () => {
    const site = copySite('unseen')
    expect((await runCli(['build', '--no-pdf', '--content', site.content, '--out', site.out])).code).toBe(0)
  })

  it('exits 1 when the content folder has no site.yaml', async () => {
    const site = copySite('unseen')
    fs.rmSync(path.join(site.content, 'site.yaml'))
    const result = await runCli(['check', '--content', site.content])
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/site\.yaml:1:1: error: Cannot read `site\.yaml` \[missing-file\]/)
  })
})
