import fc from 'fast-check'
import { type CaseSize, longRun, markdownSoup } from './markdown-soup.ts'

/** The files of one generated site: a single brief with its arguments, conclusion and bibliography. */
export interface SiteCase {
  brief: string
  arguments: string[]
  conclusion: string | undefined
  bibliography: { name: string; text: string } | undefined
  /** A translation's brief.md (`<slug>/zh/brief.md`), when there is one. */
  translation: string | undefined
}

const baseBib = `@article{smith2020heat,
  author = {Smith, Jane and Doe, John},
  title = {Street trees and urban heat},
  journaltitle = {Journal of Example Studies},
  volume = {12},
  pages = {10--20},
  date = {2020},
  langid = {english},
}
@book{lee2019canopy,
  author = {Lee, Min},
  title = {The Canopy City},
  publisher = {Example Press},
  date = {2019},
  langid = {english},
}
@online{khan2021shade,
  author = {Khan, Sara},
  title = {The price of shade},
  date = {2021-03-04},
  url = {https://example.org/shade},
  langid = {english},
}
`

/** A YAML scalar as written in front matter: quoted text, or a raw value of another type or shape. */
function yamlValue(size: CaseSize): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 6, arbitrary: markdownSoup(size).map((s) => JSON.stringify(s)) },
    { weight: 1, arbitrary: markdownSoup(size).map((s) => `|\n  ${s.replace(/\n/g, '\n  ')}`) },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        '',
        '~',
        'null',
        'true',
        '1984',
        '-1',
        '1e400',
        '99999999999999999999999',
        '.nan',
        '0x1F',
        '[]',
        '{}',
        '[a, b]',
        '{a: 1}',
        '2025-13-45',
        '2025-02-30',
        '0000-00-00',
        '99999-01-01',
        '2025-6-1',
        '2025-06-01T10:00:00Z',
        '*nope',
        '&a x',
        '!!binary aGk=',
        '!!js/function "function(){}"',
        '!custom x',
        '"unterminated',
        "'single",
        '>-\n  folded',
        '[unclosed',
        '{a: {b: {c: {d: [1, [2, [3]]]}}}}',
        '"\\ud800"',
        '"\\0"',
        'x: y',
        '- a',
        '? x',
        '@at',
        '`tick',
        '%yaml',
        '"</script><script>alert(1)</script>"',
      ),
    },
  )
}

/**
 * A front-matter field: its key, a valid value, and whether it holds text (a string, or a list of them),
 * and whether citations in that text are rendered (`cited`).
 */
type Field = [key: string, value: string, text?: 'string' | 'list', cited?: 'cited']

/**
 * Front matter for a map of valid fields. Mostly valid, with generated text in the text fields; else
 * each field kept, dropped, mistyped or repeated, plus odd extra lines.
 */
function frontMatter(fields: Field[], size: CaseSize, tame: boolean): fc.Arbitrary<string> {
  const soup = markdownSoup(size, tame).filter((s) => s.trim() !== '')
  // Note: titles and tags are plain text, where a citation is an error (`citation-in-title`); tame ones have none.
  const plain = soup.filter((s) => !tame || !s.includes('@'))
  const validLine = ([key, value, text, cited]: Field): fc.Arbitrary<readonly string[]> =>
    text === undefined
      ? fc.constant([`${key}: ${value}`])
      : fc.oneof(
          fc.constant([`${key}: ${value}`]),
          (cited ? soup : plain).map((s) => [
            `${key}: ${text === 'list' ? `[${JSON.stringify(s)}]` : JSON.stringify(s)}`,
          ]),
        )
  const mutatedLine = ([key, value]: Field): fc.Arbitrary<readonly string[]> =>
    fc.oneof(
      { weight: 8, arbitrary: fc.constant([`${key}: ${value}`]) },
      { weight: 1, arbitrary: fc.constant([]) },
      { weight: 4, arbitrary: yamlValue(size).map((v) => [`${key}: ${v}`]) },
      { weight: 1, arbitrary: fc.constant([`${key}: ${value}`, `${key}: ${value}`]) },
      { weight: 1, arbitrary: fc.constant([`${key}: &anchor ${value}`, `extra: *anchor`]) },
    )
  const extras = fc.array(
    fc.constantFrom(
      'unknown: 1',
      'x: &a [1, 2]\ny: [*a, *a, *a]',
      '<<: {title: merged}',
      'a: &a [*a]',
      '\t tab: x',
      '---',
      '...',
      '#comment',
      ': x',
      'nested:\n  deep:\n    deeper: 1',
      'order: 1e309',
      'order: -0',
      'authors: [{name: x, extra: y}]',
      'authors: []',
      'keyFindings: [[@smith2020heat]]',
      'nocite: ["*"]',
      'nocite: [unknown2000]',
      'bibliography: ../../site.yaml',
      'bibliography: /etc/passwd',
      'csl: nope.csl',
      'csl: ../../../etc/passwd',
      'tags: [a, a, "", null]',
      'recommendations: ["Act [@lee2019canopy]."]',
    ),
    { maxLength: 2 },
  )
  const valid = fc.tuple(...fields.map(validLine)).map((lines) => lines.flat())
  const mutated = fc
    .tuple(fc.tuple(...fields.map(mutatedLine)), extras)
    .map(([lines, more]) => [...lines.flat(), ...more])
  const either = tame ? valid : fc.oneof({ weight: 2, arbitrary: valid }, { weight: 1, arbitrary: mutated })
  return either.map((lines) => `---\n${lines.join('\n')}\n---\n`)
}

/** A whole-file mutation: BOM, CRLF, NUL bytes, truncation, no front matter, or an empty file. */
function fileLevel(text: fc.Arbitrary<string>, tame: boolean): fc.Arbitrary<string> {
  if (tame) return text
  return fc
    .tuple(text, fc.nat())
    .chain(([t, cut]) =>
      fc.oneof(
        { weight: 40, arbitrary: fc.constant(t) },
        { weight: 1, arbitrary: fc.constant(`\ufeff${t}`) },
        { weight: 1, arbitrary: fc.constant(t.replace(/\n/g, '\r\n')) },
        { weight: 1, arbitrary: fc.constant(t.replace(/\n/g, '\r')) },
        { weight: 1, arbitrary: fc.constant(t.replace(/ /g, '\u0000')) },
        { weight: 1, arbitrary: fc.constant(t.slice(0, cut % (t.length + 1))) },
        { weight: 1, arbitrary: fc.constant(t.replace(/^---\n[\s\S]*?\n---\n/, '')) },
        { weight: 1, arbitrary: fc.constant('') },
      ),
    )
}

/** brief.md: valid front matter, each field possibly mutated, and a soup body. */
export function briefFile(size: CaseSize, tame: boolean, lang = 'en'): fc.Arbitrary<string> {
  const fields: Field[] = [
    ['title', '"Shade before air conditioning"', 'string'],
    ['subtitle', '"A generated brief"', 'string'],
    ['authors', '[{name: Ada Example, affiliation: Test Institute}]'],
    ['date', '2025-06-01'],
    ['lang', lang],
    ['summary', '"Street trees cool cities [@smith2020heat]."', 'string', 'cited'],
    ['keyFindings', '["Cover lowers heat [@lee2019canopy]."]', 'list', 'cited'],
    ['tags', '[cities]', 'list'],
  ]
  return fileLevel(
    fc.tuple(frontMatter(fields, size, tame), markdownSoup(size, tame)).map(([fm, body]) => fm + body),
    tame,
  )
}

/** One `arguments/*.md`. */
export function argumentFile(size: CaseSize, tame: boolean): fc.Arbitrary<string> {
  const fields: Field[] = [
    ['kind', 'evidence'],
    ['title', '"The evidence is strong"', 'string'],
    ['claim', '"Trees cool streets [@khan2021shade]."', 'string', 'cited'],
    ['order', '1'],
  ]
  return fileLevel(
    fc.tuple(frontMatter(fields, size, tame), markdownSoup(size, tame)).map(([fm, body]) => fm + body),
    tame,
  )
}

/** `conclusion.md`, or none. */
export function conclusionFile(size: CaseSize, tame: boolean): fc.Arbitrary<string | undefined> {
  const file = fc
    .tuple(frontMatter([['title', '"What to do"', 'string']], size, tame), markdownSoup(size, tame))
    .map(([fm, body]) => fm + body)
  return fc.option(fileLevel(file, tame), { freq: 3, nil: undefined })
}

const bibMutations = fc.constantFrom(
  (b: string) => b,
  (b: string) => b,
  (b: string) => `${b}\n@book{lee2019canopy, title = {Duplicate}, author = {X, Y}, date = {2001}}\n`,
  (b: string) => b.replace('{Street', '{{Street'),
  (b: string) => b.replace('heat}', 'heat'),
  (b: string) => b.replace('},\n  journaltitle', '}\n  journaltitle'),
  (b: string) =>
    `${b}\n@misc{odd, title = {\\"{o}\\relax {\\\`e} $x^2$ 李明 🌳 \\url{javascript:alert(1)}}, author = {{Org, Inc.} and others}, date = {2025-13-45}}\n`,
  (b: string) =>
    `${b}\n@misc{weird, howpublished = {<script>alert(1)</script>}, url = {javascript:alert(1)}, doi = {10.1/"><script>}, title = {x}}\n`,
  (b: string) => `@string{s = "x"}\n@comment{c}\n@preamble{"\\newcommand"}\n${b}`,
  (b: string) => `${b}\n@misc{,title={no key}}\n@misc{a b, title = {space}}\n`,
  (b: string) => `${b}\n@misc{cross, crossref = {smith2020heat}, title = {x}}\n`,
  (b: string) => b.replace(/date = \{2020\}/, 'date = {99999999999}'),
  (b: string) => b.replace(/author = \{Lee, Min\}/, 'author = {}'),
  (b: string) => b.replace(/@book/, '@unknowntype'),
  (b: string) => b.replaceAll('}', ''),
  (b: string) => `${b}\n${'{'.repeat(50)}`,
  (b: string) => `% just a comment\n${b}`,
  (b: string) => b.replace(/\n/g, '\r\n'),
  (b: string) => `\ufeff${b}`,
)

/** The bibliography: the base BibTeX mutated, a CSL-JSON or CSL-YAML variant, or none. */
export function bibliographyFile(tame: boolean): fc.Arbitrary<{ name: string; text: string } | undefined> {
  if (tame) return fc.constant({ name: 'references.bib', text: baseBib })
  return fc.oneof(
    {
      weight: 10,
      arbitrary: fc
        .array(bibMutations, { maxLength: 3 })
        .map((ms) => ({ name: 'references.bib', text: ms.reduce((b, m) => m(b), baseBib) })),
    },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(
          '[{"id": "smith2020heat", "type": "book", "title": "T"}]',
          '[{"id": "smith2020heat", "type": "book", "title": 1984}]',
          '{"id": "smith2020heat"}',
          '[{"id": 5}]',
          '[',
          '[{"id": "smith2020heat", "author": [{"family": null}]}]',
          'null',
        )
        .map((text) => ({ name: 'references.json', text })),
    },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(
          '- id: smith2020heat\n  type: book\n  title: 1984',
          '- id: smith2020heat\n  issued: {date-parts: [[2025, 13, 45]]}',
          '- &a {id: x}\n- *a',
          '- id: smith2020heat\n  title: *nope',
          'references:\n  - id: smith2020heat\n    type: book',
          '- id: [a]',
          '',
        )
        .map((text) => ({ name: 'references.yaml', text })),
    },
    { weight: 1, arbitrary: fc.constant(undefined) },
  )
}

/**
 * A whole generated site case: half of them tame (valid front matter and bibliography, a body without
 * content errors, so that their pages are rendered and checked), half hostile (anything goes).
 */
export function siteCase(size: CaseSize): fc.Arbitrary<SiteCase> {
  // Note: in large cases, one in two hundred briefs ends with a long run; the suite's small cases have none.
  const tail =
    size === 'large'
      ? fc.oneof({ weight: 199, arbitrary: fc.constant('') }, { weight: 1, arbitrary: longRun })
      : fc.constant('')
  return fc.boolean().chain((tame) =>
    fc.record({
      brief: fc.tuple(briefFile(size, tame), tail).map(([brief, run]) => brief + run),
      arguments: fc.array(argumentFile(size, tame), { minLength: 1, maxLength: size === 'small' ? 2 : 3 }),
      conclusion: conclusionFile(size, tame),
      bibliography: bibliographyFile(tame),
      translation: fc.option(briefFile(size, tame, 'zh'), { freq: 6, nil: undefined }),
    }),
  )
}
