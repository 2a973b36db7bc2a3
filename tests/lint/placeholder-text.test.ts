import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { placeholders } from '../../src/content/placeholders.ts'
import { runPass } from '../../src/dev/rebuild.ts'
import { copySite, expectRefused, fillPlaceholders, type Problem, runCli, type Site } from '../helpers/sites.ts'

/** A copy of the bilingual site with a brief `briefkit new` just wrote, in `lang`. */
async function scaffolded(lang: 'zh' | 'en'): Promise<Site & { brief: string }> {
  const site = copySite('bilingual')
  const created = await runCli(['new', 'carbon-tax', '--lang', lang, '--content', site.content])
  expect(created.code, created.stderr).toBe(0)
  return { ...site, brief: path.join(site.content, 'carbon-tax') }
}

async function check(site: Site): Promise<{ code: number; found: string[] }> {
  const result = await runCli(['check', '--no-pdf', '--format', 'json', '--content', site.content])
  const problems = (JSON.parse(result.stdout) as Problem[]).filter((p) => p.rule === 'placeholder-text')
  return {
    code: result.code,
    found: problems.map(
      (p) => `${p.severity} ${path.relative(site.content, p.path)}:${p.line}:${p.column} ${p.message}`,
    ),
  }
}

describe('placeholder-text', () => {
  it('warns in check at each placeholder of a new Chinese brief, at its field or paragraph', async () => {
    const site = await scaffolded('zh')
    const { code, found } = await check(site)
    expect(code).toBe(0)
    expect(found).toMatchInlineSnapshot(`
      [
        "warning carbon-tax/arguments/01-policy.md:4:8 Placeholder text from \`briefkit new\` left in: “这一论证的论点，一句话。”",
        "warning carbon-tax/arguments/01-policy.md:7:1 Placeholder text from \`briefkit new\` left in: “论证正文：给出证据，并在句末引用来源，例如 [@key]。”",
        "warning carbon-tax/arguments/02-environment.md:4:8 Placeholder text from \`briefkit new\` left in: “这一论证的论点，一句话。”",
        "warning carbon-tax/arguments/02-environment.md:7:1 Placeholder text from \`briefkit new\` left in: “论证正文：给出证据，并在句末引用来源，例如 [@key]。”",
        "warning carbon-tax/arguments/03-economics.md:4:8 Placeholder text from \`briefkit new\` left in: “这一论证的论点，一句话。”",
        "warning carbon-tax/arguments/03-economics.md:7:1 Placeholder text from \`briefkit new\` left in: “论证正文：给出证据，并在句末引用来源，例如 [@key]。”",
        "warning carbon-tax/arguments/04-centralization.md:4:8 Placeholder text from \`briefkit new\` left in: “这一论证的论点，一句话。”",
        "warning carbon-tax/arguments/04-centralization.md:7:1 Placeholder text from \`briefkit new\` left in: “论证正文：给出证据，并在句末引用来源，例如 [@key]。”",
        "warning carbon-tax/arguments/05-value.md:4:8 Placeholder text from \`briefkit new\` left in: “这一论证的论点，一句话。”",
        "warning carbon-tax/arguments/05-value.md:7:1 Placeholder text from \`briefkit new\` left in: “论证正文：给出证据，并在句末引用来源，例如 [@key]。”",
        "warning carbon-tax/brief.md:2:8 Placeholder text from \`briefkit new\` left in: “简报标题”",
        "warning carbon-tax/brief.md:5:11 Placeholder text from \`briefkit new\` left in: “作者姓名”",
        "warning carbon-tax/brief.md:9:10 Placeholder text from \`briefkit new\` left in: “用两三句话概括简报的结论。”",
        "warning carbon-tax/brief.md:12:5 Placeholder text from \`briefkit new\` left in: “一条有来源的主要发现。”",
        "warning carbon-tax/brief.md:14:5 Placeholder text from \`briefkit new\` left in: “一条政策建议。”",
        "warning carbon-tax/brief.md:19:1 Placeholder text from \`briefkit new\` left in: “引言：说明问题是什么、为什么现在重要。”",
        "warning carbon-tax/conclusion.md:4:1 Placeholder text from \`briefkit new\` left in: “结论：把各个论证合在一起。”",
      ]
    `)
  })

  it('warns in check at the placeholders of a new English brief', async () => {
    const site = await scaffolded('en')
    const { found } = await check(site)
    expect(found).toMatchInlineSnapshot(`
      [
        "warning carbon-tax/arguments/01-policy.md:4:8 Placeholder text from \`briefkit new\` left in: “The claim of this argument, in one sentence.”",
        "warning carbon-tax/arguments/01-policy.md:7:1 Placeholder text from \`briefkit new\` left in: “The argument: give the evidence and cite sources at the end of sentences, e.g. [@key].”",
        "warning carbon-tax/arguments/02-environment.md:4:8 Placeholder text from \`briefkit new\` left in: “The claim of this argument, in one sentence.”",
        "warning carbon-tax/arguments/02-environment.md:7:1 Placeholder text from \`briefkit new\` left in: “The argument: give the evidence and cite sources at the end of sentences, e.g. [@key].”",
        "warning carbon-tax/arguments/03-economics.md:4:8 Placeholder text from \`briefkit new\` left in: “The claim of this argument, in one sentence.”",
        "warning carbon-tax/arguments/03-economics.md:7:1 Placeholder text from \`briefkit new\` left in: “The argument: give the evidence and cite sources at the end of sentences, e.g. [@key].”",
        "warning carbon-tax/arguments/04-centralization.md:4:8 Placeholder text from \`briefkit new\` left in: “The claim of this argument, in one sentence.”",
        "warning carbon-tax/arguments/04-centralization.md:7:1 Placeholder text from \`briefkit new\` left in: “The argument: give the evidence and cite sources at the end of sentences, e.g. [@key].”",
        "warning carbon-tax/arguments/05-value.md:4:8 Placeholder text from \`briefkit new\` left in: “The claim of this argument, in one sentence.”",
        "warning carbon-tax/arguments/05-value.md:7:1 Placeholder text from \`briefkit new\` left in: “The argument: give the evidence and cite sources at the end of sentences, e.g. [@key].”",
        "warning carbon-tax/brief.md:2:8 Placeholder text from \`briefkit new\` left in: “Title of the brief”",
        "warning carbon-tax/brief.md:5:11 Placeholder text from \`briefkit new\` left in: “Author Name”",
        "warning carbon-tax/brief.md:9:10 Placeholder text from \`briefkit new\` left in: “Two or three sentences that state what the brief concludes.”",
        "warning carbon-tax/brief.md:12:5 Placeholder text from \`briefkit new\` left in: “One sourced key finding.”",
        "warning carbon-tax/brief.md:14:5 Placeholder text from \`briefkit new\` left in: “One policy recommendation.”",
        "warning carbon-tax/brief.md:19:1 Placeholder text from \`briefkit new\` left in: “Introduction: what the problem is and why it matters now.”",
        "warning carbon-tax/conclusion.md:4:1 Placeholder text from \`briefkit new\` left in: “Conclusion: bring the arguments together.”",
      ]
    `)
  })

  it('refuses to build a new brief (exit 1, nothing written), and builds it once filled in', async () => {
    const site = await scaffolded('en')
    const result = await runCli(['build', '--no-pdf', '--content', site.content, '--out', site.out])
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(
      /carbon-tax\/brief\.md:2:8: error: Placeholder text from `briefkit new` left in: “Title of the brief” \[placeholder-text\]/,
    )
    expect(result.stderr).toMatch(/nothing was written/)
    expect(fs.existsSync(site.out)).toBe(false)
    fillPlaceholders(site.brief)
    expect(await check(site)).toEqual({ code: 0, found: [] })
    const built = await runCli(['build', '--no-pdf', '--content', site.content, '--out', site.out])
    expect(built.code, built.stderr).toBe(0)
  })

  it('refuses to build after a check that only warned: the build cache keeps the levels apart', async () => {
    const site = await scaffolded('zh')
    expect((await check(site)).found.length).toBeGreaterThan(0)
    const built = await runCli(['build', '--no-pdf', '--content', site.content, '--out', site.out])
    expect(built.code).toBe(1)
    expect(built.stderr).toMatch(/error: .*简报标题.* \[placeholder-text\]/)
    expect((await check(site)).found.every((line) => line.startsWith('warning '))).toBe(true)
  })

  it('lets `briefkit dev` preview a new brief: a preview is a draft, its placeholders warnings', async () => {
    const site = await scaffolded('en')
    const outcome = await runPass('html', { contentDir: site.content, outDir: site.out, pdf: false })
    expect(outcome.status).toBe('written')
    expect(fs.existsSync(path.join(site.out, 'en', 'carbon-tax', 'index.html'))).toBe(true)
  })

  it('refuses a build whose out dir exists, leaving it as it was', async () => {
    const built = copySite('bilingual')
    expect((await runCli(['build', '--no-pdf', '--content', built.content, '--out', built.out])).code).toBe(0)
    await expectRefused(
      'bilingual',
      built,
      (site) => {
        const file = fs
          .readdirSync(site.content, { recursive: true })
          .map(String)
          .find((f) => f.endsWith('brief.md'))
        const brief = path.join(site.content, file ?? '')
        fs.writeFileSync(
          brief,
          fs.readFileSync(brief, 'utf8').replace(/^title: .*$/m, `title: ${placeholders['zh']?.title}`),
        )
      },
      /brief\.md:2:\d+: error: .*简报标题.* \[placeholder-text\]/,
    )
  })

  it('is silent when site.yaml turns it off, and an error in check too when site.yaml says so', async () => {
    const off = await scaffolded('zh')
    fs.appendFileSync(path.join(off.content, 'site.yaml'), '\nlint:\n  placeholder-text: off\n')
    expect(await check(off)).toEqual({ code: 0, found: [] })
    const built = await runCli(['build', '--no-pdf', '--content', off.content, '--out', off.out])
    expect(built.code, built.stderr).toBe(0)
    expect(built.stderr).not.toMatch(/placeholder-text/)

    const strict = await scaffolded('zh')
    fs.appendFileSync(path.join(strict.content, 'site.yaml'), '\nlint:\n  placeholder-text: error\n')
    const checked = await check(strict)
    expect(checked.code).toBe(1)
    expect(checked.found.every((line) => line.startsWith('error '))).toBe(true)
  })

  it('finds nothing in the finished briefs of the fixture sites', async () => {
    for (const name of ['bilingual', 'citations', 'figures', 'unseen']) {
      const site = copySite(name)
      expect((await check(site)).found, name).toEqual([])
    }
  })

  it('is found in an author’s affiliation, a subtitle and a heading too, and not in the middle of a sentence', async () => {
    const site = await scaffolded('en')
    fillPlaceholders(site.brief)
    const brief = path.join(site.brief, 'brief.md')
    const text = fs.readFileSync(brief, 'utf8')
    fs.writeFileSync(
      brief,
      text
        .replace('    # affiliation: optional', '    affiliation: Author Name')
        .replace('# subtitle: optional', 'subtitle: Title of the brief') +
        '\n## Conclusion: bring the arguments together.\n\nWe call this the Author Name problem.\n',
    )
    const { found } = await check(site)
    expect(found).toMatchInlineSnapshot(`
      [
        "warning carbon-tax/brief.md:3:11 Placeholder text from \`briefkit new\` left in: “Title of the brief”",
        "warning carbon-tax/brief.md:6:18 Placeholder text from \`briefkit new\` left in: “Author Name”",
        "warning carbon-tax/brief.md:21:1 Placeholder text from \`briefkit new\` left in: “Conclusion: bring the arguments together.”",
      ]
    `)
  })

  it('is found in the text of an erratum too, at its field, in any paragraph of it', async () => {
    const site = await scaffolded('en')
    fillPlaceholders(site.brief)
    const brief = path.join(site.brief, 'brief.md')
    const text = fs.readFileSync(brief, 'utf8')
    fs.writeFileSync(
      brief,
      text.replace(
        'tags: []',
        [
          'tags: []',
          'errata:',
          '  - date: 2026-10-20',
          '    text: Corrected the growth of heat pump sales.',
          '  - date: 2026-10-21',
          '    text: One policy recommendation.',
          '  - date: 2026-10-22',
          '    text: |-',
          '      Corrected a figure.',
          '',
          '      简报标题',
        ].join('\n'),
      ),
    )
    const { found } = await check(site)
    expect(found).toMatchInlineSnapshot(`
      [
        "warning carbon-tax/brief.md:22:11 Placeholder text from \`briefkit new\` left in: “One policy recommendation.”",
        "warning carbon-tax/brief.md:24:11 Placeholder text from \`briefkit new\` left in: “简报标题”",
      ]
    `)
  })
})
