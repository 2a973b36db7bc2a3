import fs from 'node:fs'
import path from 'node:path'
import { VFile } from 'vfile'
import { describe, expect, it } from 'vitest'
import { parseMarkdown } from '../../src/content/parse.ts'
import { lintText } from '../../src/lint/lints.ts'
import { checkJson, copySite } from '../helpers/sites.ts'

type Site = ReturnType<typeof copySite>
const briefDir = (site: Site) => path.join(site.content, 'urban-trees')
const write = (site: Site, name: string, text: string) => fs.writeFileSync(path.join(briefDir(site), name), text)
const appendSite = (site: Site, text: string) => fs.appendFileSync(path.join(site.content, 'site.yaml'), text)

/** `briefkit check --format json` on a copy of the unseen site, changed by `edit`. */
async function check(edit: (site: Site) => void) {
  const site = copySite('unseen')
  edit(site)
  const { code, problems } = await checkJson(site.content)
  return {
    code,
    problems,
    rules: problems.map((p) => `${p.severity} ${p.rule} ${path.basename(p.path)}:${p.line}`),
  }
}

describe('briefkit check lints', () => {
  it('prints every problem as JSON with path, line, column, severity, message and rule', async () => {
    const { code, problems } = await check(() => {})
    expect(code).toBe(0)
    expect(problems).toEqual([
      {
        path: expect.stringMatching(/urban-trees\/references\.bib$/),
        line: 28,
        column: 1,
        severity: 'warning',
        message: '`unused2018` is in the bibliography but never cited',
        rule: 'uncited-reference',
        hint: expect.any(String),
      },
    ])
  })

  it('flags an argument with no citation anywhere, at its claim', async () => {
    const { rules } = await check((site) =>
      write(site, 'arguments/d-bare.md', '---\nkind: cost\ntitle: Bare\nclaim: Nothing backs this.\n---\nNor this.\n'),
    )
    expect(rules).toContain('warning uncited-argument d-bare.md:4')
  })

  it('flags an image without alt text and half-width punctuation between Chinese characters', async () => {
    const { problems } = await check((site) =>
      fs.appendFileSync(
        path.join(briefDir(site), 'arguments', 'c-equity.md'),
        '\n中文,标点。\n\n![](../figures/heat.svg)\n',
      ),
    )
    expect(problems.filter((p) => p.rule === 'cjk-punctuation')).toMatchObject([
      { line: 13, column: 3, message: 'Half-width `,` between Chinese characters' },
    ])
    expect(problems.filter((p) => p.rule === 'image-alt')).toMatchObject([{ line: 15, column: 1 }])
  })

  it('flags Chinese written against Latin words or numbers, but not a number before a measure word', async () => {
    const { problems } = await check((site) =>
      fs.appendFileSync(
        path.join(briefDir(site), 'arguments', 'c-equity.md'),
        '\n基于PoW的币种，耗电约138太瓦时，2021年发改运行1283号。\n',
      ),
    )
    expect(problems.filter((p) => p.rule === 'cjk-spacing').map((p) => `${p.line}:${p.column} ${p.message}`)).toEqual([
      '13:3 No space between Chinese and Latin text or a number: `于PoW`',
      '13:13 No space between Chinese and Latin text or a number: `约1`',
      '13:16 No space between Chinese and Latin text or a number: `8`',
      '13:29 No space between Chinese and Latin text or a number: `行1`',
    ])
  })

  it('flags internal links to an id or a page the site does not have, and passes those it has', async () => {
    const { code, problems } = await check((site) =>
      fs.appendFileSync(
        path.join(briefDir(site), 'arguments', 'c-equity.md'),
        [
          '',
          'See [the method](#evidence-method), [the sources](#references-title) and [this brief](../urban-trees/).',
          '',
          'Not [a heading](#evidence-methods), [a brief](../no-such-brief/) or [its heading](../urban-trees/#nowhere).',
          '',
          '[gone]: ../urban-trees/data.csv',
          '',
        ].join('\n'),
      ),
    )
    expect(code).toBe(1)
    expect(
      problems.filter((p) => p.rule === 'dead-link').map((p) => `${p.severity} ${p.line}:${p.column} ${p.message}`),
    ).toEqual([
      'error 15:5 Link `#evidence-methods`: this page has no id `evidence-methods`',
      'error 15:37 Link `../no-such-brief/` leads to no page of the site',
      'error 15:69 Link `../urban-trees/#nowhere`: this page has no id `nowhere`',
      'error 17:1 Link `../urban-trees/data.csv` leads to no page of the site',
    ])
    expect(problems.find((p) => p.message.includes('#evidence-methods'))?.hint).toMatch(
      /Did you mean `#evidence-method`\?/,
    )
  })

  it('flags a figure in the key findings that the body does not have', async () => {
    const { problems } = await check((site) => {
      const brief = path.join(briefDir(site), 'brief.md')
      fs.writeFileSync(
        brief,
        fs
          .readFileSync(brief, 'utf8')
          .replace('  - Tree cover lowers', '  - Canopy cuts heat by 4.7 degrees.\n  - Tree cover lowers'),
      )
    })
    expect(problems.filter((p) => p.rule === 'summary-figure').map((p) => p.message)).toEqual([
      'The figure 4.7 appears nowhere in the body of the brief',
    ])
  })

  it('checks the kinds site.yaml requires: one missing, one twice', async () => {
    const { code, rules } = await check((site) => {
      appendSite(site, 'requiredKinds: [evidence, cost, equity]\n')
      fs.rmSync(path.join(briefDir(site), 'arguments', 'c-equity.md'))
      write(
        site,
        'arguments/d-cost.md',
        '---\nkind: cost\ntitle: Again\nclaim: Costs again [@khan2021shade].\n---\nText.\n',
      )
    })
    expect(code).toBe(1)
    expect(rules).toContain('error required-kinds d-cost.md:2')
    expect(rules).toContain('error required-kinds brief.md:1')
  })

  it('lets site.yaml turn a rule off or make it an error, and names an unknown rule', async () => {
    expect((await check((site) => appendSite(site, 'lint:\n  uncited-reference: off\n'))).problems).toEqual([])
    const strict = await check((site) => appendSite(site, 'lint:\n  uncited-reference: error\n'))
    expect([strict.code, strict.rules]).toEqual([1, ['error uncited-reference references.bib:28']])
    const unknown = await check((site) => appendSite(site, 'lint:\n  no-such-rule: warn\n'))
    expect(unknown.code).toBe(1)
    expect(unknown.rules[0]).toMatch(/^error .* site\.yaml:13$/)
  })
})

describe('lintText in linear time', () => {
  it('cjk-spacing reads a pasted token once, even with Chinese in the same text (a 100 KB token took 34 s)', () => {
    const lines = [
      `中 ${'a'.repeat(19_000)}`,
      ...Array<string>(20).fill('a'.repeat(19_000)),
      ...Array<string>(20).fill('1'.repeat(19_000)),
      `${'b'.repeat(19_000)}中`,
    ]
    const file = new VFile({ path: 'x.md', value: `${lines.join('\n')}\n` })
    const started = performance.now()
    lintText({ lint: {} }, { tree: parseMarkdown(file), file })
    expect(performance.now() - started).toBeLessThan(3_000)
    expect(file.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`)).toEqual(['42:2 cjk-spacing'])
  })
})
