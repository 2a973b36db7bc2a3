import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { copySite, expectRefused, runCli, type Site, snapshot } from '../helpers/sites.ts'

const briefDir = (site: Site) => path.join(site.content, 'urban-trees')
const brief = (site: Site) => path.join(briefDir(site), 'brief.md')
const argument = (site: Site) => path.join(briefDir(site), 'arguments', 'b-cost.md')
const edit = (file: string, from: string | RegExp, to: string) =>
  fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(from, to))
const append = (file: string, text: string) => fs.appendFileSync(file, text)
const useImage = (site: Site, name: string) => edit(brief(site), 'figures/heat.svg', `figures/${name}`)
const mkfifo = (file: string) => execFileSync('mkfifo', [file])

/** YAML whose aliases expand to 9⁹ values (a "billion laughs"). */
const laughs = [
  'a0: &a0 [x, x, x, x, x, x, x, x, x]',
  ...Array.from({ length: 8 }, (_, i) => `a${i + 1}: &a${i + 1} [${Array(9).fill(`*a${i}`).join(', ')}]`),
].join('\n')

/** A bibliography in CSL-YAML in place of the BibTeX one, with the citations of keys it lacks taken out. */
function useCslYaml(site: Site, yaml: string): void {
  fs.writeFileSync(path.join(briefDir(site), 'refs.yaml'), yaml)
  edit(brief(site), 'lang: en', 'lang: en\nbibliography: refs.yaml')
  for (const name of fs.readdirSync(path.join(briefDir(site), 'arguments'))) {
    const file = path.join(briefDir(site), 'arguments', name)
    edit(file, /(\[-@khan2021shade\]|@khan2021shade, |@khan2021shade)/g, '')
  }
  edit(argument(site), 'Planting costs are modest [, pp. 4-5].', 'Planting costs are modest [@lee2019canopy].')
}
const goodEntry = '- id: lee2019canopy\n  type: report\n  title: Canopy\n'

/** Each kind of odd input, how to make it, and where and what the message must say. Each exits 1. */
const oddInputs: Array<[string, (site: Site) => void, RegExp]> = [
  // YAML
  [
    'an unresolved YAML alias in front matter',
    (s) => edit(brief(s), /^title: .*$/m, 'title: *nope'),
    /urban-trees\/brief\.md:2:8: error: Invalid YAML: an alias \(`\*name`\) refers to no anchor.*\[invalid-yaml\]\n  hint: /,
  ],
  [
    'a billion laughs in site.yaml',
    (s) => append(path.join(s.content, 'site.yaml'), `${laughs}\n`),
    /site\.yaml:\d+:\d+: error: Invalid YAML: aliases repeat their values more than 100 times \[invalid-yaml\]/,
  ],
  [
    'a billion laughs in front matter',
    (s) => edit(brief(s), 'tags: [cities, heat]', `tags: [cities, heat]\n${laughs}`),
    /brief\.md:\d+:\d+: error: Invalid YAML: aliases repeat their values more than 100 times \[invalid-yaml\]/,
  ],
  [
    'a billion laughs in a CSL-YAML bibliography',
    (s) => useCslYaml(s, `${goodEntry}- id: x\n  note: &n0 [x, x]\n  ${laughs.replace(/\n/g, '\n  ')}\n`),
    /refs\.yaml:\d+:\d+: error: Invalid YAML: aliases repeat/,
  ],
  // Dates
  [
    'an impossible month and day',
    (s) => edit(brief(s), 'date: 2025-06-01', 'date: 2025-13-45'),
    /brief\.md:8:7: error: Invalid `date` in brief\.md: no such day in the calendar \[invalid-field\]\n  hint: /,
  ],
  [
    '30 February',
    (s) => edit(brief(s), 'date: 2025-06-01', 'date: 2025-02-30'),
    /brief\.md:8:7: error: Invalid `date` in brief\.md: no such day in the calendar \[invalid-field\]/,
  ],
  // Images
  [
    'an image named 100%.svg',
    (s) => {
      fs.copyFileSync(path.join(briefDir(s), 'figures', 'heat.svg'), path.join(briefDir(s), 'figures', '100%.svg'))
      useImage(s, '100%.svg')
    },
    /brief\.md:25:1: error: Image `figures\/100%\.svg` has a `%` that starts no escape \[invalid-image-path\]\n  hint: Write a `%` in a file name as `%25`/,
  ],
  [
    'an image that is a FIFO',
    (s) => {
      mkfifo(path.join(briefDir(s), 'figures', 'pipe.png'))
      useImage(s, 'pipe.png')
    },
    /brief\.md:25:1: error: Cannot read image `figures\/pipe\.png` \(not a regular file\) \[unreadable-image\]/,
  ],
  [
    'an image that is a link to nothing',
    (s) => {
      fs.symlinkSync('gone.png', path.join(briefDir(s), 'figures', 'dangling.png'))
      useImage(s, 'dangling.png')
    },
    /brief\.md:25:1: error: Cannot read image `figures\/dangling\.png` \(a link to nothing\) \[unreadable-image\]/,
  ],
  [
    'an image that is a symlink to a secret outside the content folder',
    (s) => {
      fs.symlinkSync('/etc/passwd', path.join(briefDir(s), 'figures', 'secret.png'))
      useImage(s, 'secret.png')
    },
    /brief\.md:25:1: error: Image `figures\/secret\.png` is outside the content folder \[image-outside-content\]/,
  ],
  // Bibliographies
  [
    'a CSL-YAML title that is a number',
    (s) => useCslYaml(s, `${goodEntry}- id: orwell\n  type: book\n  title: 1984\n`),
    /refs\.yaml:6:10: error: Entry `orwell`: `title` should be text \(put quotes around a value like `"1984"`\) \[invalid-bibliography\]/,
  ],
  [
    'a CSL-YAML author that is not a list',
    (s) => useCslYaml(s, `${goodEntry}- id: orwell\n  type: book\n  title: Animal Farm\n  author: Orwell\n`),
    /refs\.yaml:7:11: error: Entry `orwell`: `author` should be a list of names/,
  ],
  [
    'a CSL-YAML date that is not a date',
    (s) => useCslYaml(s, `${goodEntry}- id: orwell\n  title: Animal Farm\n  issued: [1945]\n`),
    /refs\.yaml:6:11: error: Entry `orwell`: `issued` should be a date/,
  ],
  [
    'a CSL-JSON title that is a number',
    (s) => {
      useCslYaml(s, '')
      fs.writeFileSync(
        path.join(briefDir(s), 'refs.json'),
        JSON.stringify([{ id: 'lee2019canopy', type: 'book', title: 1984 }], null, 1),
      )
      edit(brief(s), 'refs.yaml', 'refs.json')
    },
    /refs\.json:3:\d+: error: Entry `lee2019canopy`: `title` should be text/,
  ],
  [
    'a key defined twice in a .bib',
    (s) =>
      append(
        path.join(briefDir(s), 'references.bib'),
        '\n@article{lee2019canopy,\n  title = {Again},\n  date = {2020},\n}\n',
      ),
    /references\.bib:12:1: error: Key `lee2019canopy` is defined more than once \(also at line 36\) \[duplicate-key\][\s\S]*references\.bib:36:1: error: Key `lee2019canopy` is defined more than once \(also at line 12\)/,
  ],
  [
    'a bibliography that is a symlink to a file outside',
    (s) => {
      fs.rmSync(path.join(briefDir(s), 'references.bib'))
      fs.symlinkSync('/etc/passwd', path.join(briefDir(s), 'references.bib'))
    },
    /references\.bib:1:1: error: Bibliography `references\.bib` is outside the content folder \(through a symlink or `\.\.`\) \[file-outside-content\]/,
  ],
  [
    'a bibliography path that leaves the content folder',
    (s) => edit(brief(s), 'lang: en', 'lang: en\nbibliography: ../../../../../../etc/passwd'),
    /brief\.md:10:15: error: Bibliography `\.\.\/\.\.\/\.\.\/\.\.\/\.\.\/\.\.\/etc\/passwd` is outside the content folder \[file-outside-content\]/,
  ],
  // Citation styles named by path
  ...(
    [
      ['that is not CSL', (f: string) => fs.writeFileSync(f, 'not xml')],
      ['that is a folder', (f: string) => fs.mkdirSync(f)],
      ['that is a FIFO', mkfifo],
    ] as const
  ).map(([what, make]): [string, (site: Site) => void, RegExp] => [
    `a \`csl:\` file ${what}`,
    (s) => {
      make(path.join(briefDir(s), 'own.csl'))
      edit(brief(s), 'lang: en', 'lang: en\ncsl: own.csl')
    },
    /brief\.md:10:6: error: Unknown citation style `own\.csl` \[unknown-style\]/,
  ]),
  // Nesting
  [
    'a list nested 1,000 deep',
    (s) => append(brief(s), `\n${'- '.repeat(1000)}x\n`),
    /brief\.md:27:\d+: error: Blocks nest more than 100 levels deep here \[nesting-too-deep\]\n  hint: /,
  ],
  [
    'quotes nested 2,000 deep',
    (s) => append(argument(s), `\n${'>'.repeat(2000)} x\n`),
    /b-cost\.md:8:\d+: error: Blocks nest more than 100 levels deep here \[nesting-too-deep\]/,
  ],
  [
    'quotes nested 2,000 deep in the summary',
    (s) => edit(brief(s), /^summary: (.*)$/m, `summary: "${'>'.repeat(2000)} $1"`),
    /brief\.md:10:10: error: Blocks nest more than 100 levels deep here \[nesting-too-deep\]/,
  ],
  [
    'an ordered list nested 3,000 deep on one line (fuzz F9)',
    (s) => append(argument(s), `\n${'1. '.repeat(3000)}x\n`),
    /b-cost\.md:8:1: error: Blocks nest more than 100 levels deep here \[nesting-too-deep\]/,
  ],
  [
    '`:::a` blocks left open, one a line (fuzz F10)',
    (s) => append(argument(s), `\n${':::a\n'.repeat(3000)}`),
    /b-cost\.md:18:1: error: More than 10 `:::` blocks are open here \[nesting-too-deep\]\n  hint: Close each `:::name` block/,
  ],
  [
    '`[@x` repeated in one paragraph (fuzz F11)',
    (s) => append(argument(s), `\n${`${'[@x'.repeat(6000)}\n`.repeat(20)}`),
    /b-cost\.md:8:1: error: This paragraph is too intricate to parse in time.*\[paragraph-too-intricate\]/,
  ],
  [
    'HTML elements nested 3,000 deep',
    (s) => append(argument(s), `\n${'<div>'.repeat(3000)}x\n`),
    /b-cost\.md:8:1: error: HTML elements nest more than 100 levels deep here \[nesting-too-deep\]/,
  ],
  // Arguments folder
  [
    '`arguments` being a file',
    (s) => {
      fs.rmSync(path.join(briefDir(s), 'arguments'), { recursive: true })
      fs.writeFileSync(path.join(briefDir(s), 'arguments'), 'x')
    },
    /urban-trees\/arguments:1:1: error: `arguments` is not a folder \[unreadable-file\]/,
  ],
  [
    '`arguments` being a link to nothing',
    (s) => {
      fs.rmSync(path.join(briefDir(s), 'arguments'), { recursive: true })
      fs.symlinkSync('gone', path.join(briefDir(s), 'arguments'))
    },
    /urban-trees\/arguments:1:1: error: Cannot read the `arguments` folder \(a link to nothing\) \[unreadable-file\]/,
  ],
  [
    '`arguments` being a link to a folder outside',
    (s) => {
      const away = fs.mkdtempSync(path.join(s.root, 'away-'))
      fs.cpSync(path.join(briefDir(s), 'arguments'), away, { recursive: true })
      fs.rmSync(path.join(briefDir(s), 'arguments'), { recursive: true })
      fs.symlinkSync(away, path.join(briefDir(s), 'arguments'))
    },
    /urban-trees\/arguments:1:1: error: `arguments` is outside the content folder \(through a symlink\) \[file-outside-content\]/,
  ],
  [
    'an argument that is a FIFO',
    (s) => mkfifo(path.join(briefDir(s), 'arguments', 'd-pipe.md')),
    /d-pipe\.md:1:1: error: Cannot read argument \(not a regular file\) \[unreadable-file\]/,
  ],
  [
    'an argument that is a symlink to a file outside',
    (s) => fs.symlinkSync('/etc/passwd', path.join(briefDir(s), 'arguments', 'd-secret.md')),
    /d-secret\.md:1:1: error: argument is outside the content folder \(through a symlink or `\.\.`\) \[file-outside-content\]/,
  ],
  [
    'conclusion.md being a link to nothing',
    (s) => {
      fs.rmSync(path.join(briefDir(s), 'conclusion.md'))
      fs.symlinkSync('gone.md', path.join(briefDir(s), 'conclusion.md'))
    },
    /conclusion\.md:1:1: error: Cannot read conclusion\.md \(a link to nothing\) \[unreadable-file\]/,
  ],
  // Brief folders
  [
    'a brief folder that is a link to a folder outside',
    (s) => {
      const away = path.join(s.root, 'elsewhere')
      fs.renameSync(briefDir(s), away)
      fs.symlinkSync(away, briefDir(s))
    },
    /urban-trees\/brief\.md:1:1: error: Folder `urban-trees` is a link to a folder outside the content folder \[file-outside-content\]/,
  ],
  ...['feed.xml', 'assets', 'kinds', 'media', 'pagefind', 'index.html', 'en'].map(
    (slug): [string, (site: Site) => void, RegExp] => [
      `a brief folder named ${slug}`,
      (s) => fs.renameSync(briefDir(s), path.join(s.content, slug)),
      new RegExp(
        `content/${slug.replace('.', '\\.')}/brief\\.md:1:1: error: Folder name \`${slug.replace('.', '\\.')}\` is taken by the site's own files or languages \\[invalid-slug\\]\\n  hint: Rename the folder`,
      ),
    ],
  ),
  [
    'a brief folder name with a space',
    (s) => fs.renameSync(briefDir(s), path.join(s.content, 'urban trees')),
    /content\/urban trees\/brief\.md:1:1: error: Folder name `urban trees` cannot be a page address.*\[invalid-slug\]/,
  ],
  // Raw-text HTML
  [
    'an unclosed <plaintext>',
    (s) => append(argument(s), '\nSome <plaintext> here.\n\nMore [@khan2021shade].\n'),
    /b-cost\.md:8:6: error: HTML element `<plaintext>` is not allowed in a brief \[raw-text-element\]/,
  ],
  [
    'an unclosed <textarea> block',
    (s) => append(argument(s), '\n<textarea>\n\nMore [@khan2021shade].\n'),
    /b-cost\.md:8:1: error: HTML element `<textarea>` is not closed in its own HTML block \[raw-text-element\]/,
  ],
  [
    'an unclosed inline <xmp>',
    (s) => append(argument(s), '\nA <xmp> [@khan2021shade]\n'),
    /b-cost\.md:8:3: error: HTML element `<xmp>` is not closed in its own HTML block \[raw-text-element\]/,
  ],
  // Citations that cannot be rendered (found by fuzzing: F4, F6, F7, F8)
  [
    'a citation in a title or a tag (fuzz F4)',
    (s) => {
      edit(brief(s), /^title: .*$/m, 'title: "Shade [@smith2020heat]"')
      edit(argument(s), 'title: It costs little', 'title: Costs [@khan2021shade]')
    },
    /b-cost\.md:3:8: error: A citation in `title` is not rendered \[citation-in-title\][\s\S]*brief\.md:2:8: error: A citation in `title` is not rendered \[citation-in-title\]/,
  ],
  [
    'a malformed citation (fuzz F6)',
    (s) =>
      append(
        argument(s),
        '\nBad [@] and [@ khan2021shade] and [@@khan2021shade], but \\[@x] and [mail a@b.org] are text.\n',
      ),
    /b-cost\.md:8:5: error: Malformed citation `\[@\]` \[malformed-citation\][\s\S]*b-cost\.md:8:13: error: Malformed citation `\[@ khan2021shade\]`[\s\S]*b-cost\.md:8:35: error: Malformed citation `\[@@khan2021shade\]`/,
  ],
  [
    'a citation inside an HTML block (fuzz F7)',
    (s) => append(argument(s), '\n<p>[@khan2021shade]</p>\n'),
    /b-cost\.md:8:1: error: A citation inside an HTML block is not rendered \[citation-in-html\]/,
  ],
  [
    "a citation inside a link's text (fuzz F8)",
    (s) => append(argument(s), '\n[x [@khan2021shade]](https://example.org)\n'),
    /b-cost\.md:8:4: error: Citation `\[@khan2021shade\]` inside a link's text is not rendered \[citation-in-link\]/,
  ],
  // site.yaml
  [
    'a javascript: baseUrl',
    (s) => edit(path.join(s.content, 'site.yaml'), /^baseUrl: .*$/m, 'baseUrl: "javascript:alert(1)//"'),
    /site\.yaml:2:10: error: Invalid `baseUrl` in site\.yaml: expected an http:\/\/ or https:\/\/ address \[invalid-field\]/,
  ],
  // Size
  [
    'a line of a million characters',
    (s) => append(argument(s), `\n${'a'.repeat(1_000_000)}中\n`),
    /b-cost\.md:8:1: error: Line 8 is 1000001 characters long \(at most 20000\) \[line-too-long\]/,
  ],
  [
    'a paragraph of 100,000 `](`',
    (s) => append(argument(s), `\n${'](\n'.repeat(100_000)}`),
    /b-cost\.md:8:1: error: This paragraph is too intricate to parse in time.*\[paragraph-too-intricate\]/,
  ],
]

describe('briefkit build on odd input', () => {
  let site: Site

  beforeAll(async () => {
    site = copySite('unseen')
    const first = await runCli(['build', '--no-pdf', '--content', site.content, '--out', site.out])
    expect(first.code).toBe(0)
  })

  it.each(oddInputs)(
    '%s: exits 1 with a located message and leaves the out dir as it was',
    async (_name, breakIt, message) => {
      await expectRefused('unseen', site, breakIt, message)
    },
  )
})

describe('briefkit build after an image becomes a symlink', () => {
  it('never copies the secret from a brief the cache holds (the cached brief kept the old path)', async () => {
    const site = copySite('unseen')
    expect((await runCli(['build', '--no-pdf', '--content', site.content, '--out', site.out])).code).toBe(0)
    const before = snapshot(site.out)
    const image = path.join(briefDir(site), 'figures', 'heat.svg')
    fs.rmSync(image)
    fs.symlinkSync('/etc/passwd', image)
    const result = await runCli(['build', '--no-pdf', '--content', site.content, '--out', site.out])
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(
      /brief\.md:25:1: error: Image `figures\/heat\.svg` is outside the content folder \[image-outside-content\]/,
    )
    expect(snapshot(site.out)).toEqual(before)
  })
})

describe('briefkit build on odd input that is fine', () => {
  it('follows a brief folder that is a link to a folder inside the content folder', async () => {
    const site = copySite('unseen')
    fs.renameSync(briefDir(site), path.join(site.content, '_drafts'))
    fs.symlinkSync('_drafts', briefDir(site))
    const result = await runCli(['build', '--no-pdf', '--content', site.content, '--out', site.out])
    expect(result.code, result.stderr).toBe(0)
    expect(fs.existsSync(path.join(site.out, 'en', 'urban-trees', 'index.html'))).toBe(true)
  })

  it('copies an image named 100%.svg when written as 100%25.svg, from its real path', async () => {
    const site = copySite('unseen')
    fs.renameSync(path.join(briefDir(site), 'figures', 'heat.svg'), path.join(briefDir(site), 'figures', '100%.svg'))
    useImage(site, '100%25.svg')
    const result = await runCli(['build', '--no-pdf', '--content', site.content, '--out', site.out])
    expect(result.code, result.stderr).toBe(0)
    expect(fs.existsSync(path.join(site.out, 'media', 'urban-trees', 'figures', '100%.svg'))).toBe(true)
  })

  it('accepts 29 February of a leap year', async () => {
    const site = copySite('unseen')
    edit(brief(site), 'date: 2025-06-01', 'date: 2024-02-29')
    expect((await runCli(['check', '--no-pdf', '--content', site.content])).code).toBe(0)
  })
})
