import fc from 'fast-check'

/** The files of one generated site: a single brief with its arguments, conclusion and bibliography. */
export interface SiteCase {
  brief: string
  arguments: string[]
  conclusion: string | undefined
  bibliography: { name: string; text: string } | undefined
  /** A translation's brief.md (`<slug>/zh/brief.md`), when there is one. */
  translation: string | undefined
}

/** How big generated content may get: `small` for the suite, `large` for `npm run fuzz`. */
export type CaseSize = 'small' | 'large'

/** The citation keys the base bibliography defines. */
export const knownKeys = ['smith2020heat', 'lee2019canopy', 'khan2021shade'] as const

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

const cjk = fc.string({ unit: fc.integer({ min: 0x4e00, max: 0x9fff }).map((c) => String.fromCodePoint(c)), minLength: 1, maxLength: 12 })
const words = fc.string({ unit: fc.constantFrom(...'abcdefghij klmnop qrstuvwxyz.,;'), minLength: 1, maxLength: 20 })

// Note: the pieces markdown gives meaning to, to be put together in any order.
const syntaxTokens = fc.constantFrom(
  '*', '**', '***', '_', '__', '~~', '`', '```', '~~~', '[', ']', '(', ')', '![', '](', '<', '>', '&', '&amp;', '&#0;', '&lt;script&gt;',
  '\\', '\\[', '|', '---', '***', '___', '> ', '- ', '* ', '+ ', '1. ', '1) ', '- [ ] ', '# ', '###### ', '=====', '    ',
  '\t', '[^1]', '[^1]: A note.', '[^]', '[^x]: ', ':::', '::', ':', '{', '}', '{#id .cls}', '<!--', '-->', 'http://x.org',
  'www.example.org', 'a@b.org', '\u200b', '\u202e', '\ufeff', '\u0000', '\r', '\u2028', '\ud800', '🌳', 'é', 'e\u0301',
)

const validCitations = fc.oneof(
  fc.constantFrom(...knownKeys).map((k) => `[@${k}]`),
  fc.constantFrom(...knownKeys).map((k) => `@${k}`),
  fc.constantFrom(...knownKeys).map((k) => `[-@${k}]`),
  fc.constantFrom(...knownKeys).map((k) => `[see @${k}, p. 12]`),
  fc.constantFrom(...knownKeys).map((k) => `[@${k}, ch. 2; @lee2019canopy]`),
)

const citations = fc.oneof(
  { weight: 2, arbitrary: validCitations },
  fc.constantFrom(...knownKeys).map((k) => `[@${k}; @nobody1999]`),
  fc.constantFrom(
    '[@unknown2000]', '[@]', '[@ smith2020heat]', '[@smith2020heat', '@smith2020heat]', '[@smith2020heat, pp. 4-5',
    '[@@smith2020heat]', '[@smith2020heat](http://x.org)', '[@smith2020heat]{.x}', '[@smith2020heat][]', '[x][@smith2020heat]',
    '\\[@smith2020heat]', '[\\@smith2020heat]', '[@smith2020heat;]', '[;@smith2020heat]', '[@{weird key}]', '[@a:b/c.d]',
    '[@SMITH2020HEAT]', '[@smith2020heat, ch. 2; see @lee2019canopy, p. 3]', '[@smith2020heat, 第3页]', '[@李2020]', 'mail@smith2020heat',
    '[@smith2020heat\n]', '[\n@smith2020heat]', '[^[@smith2020heat]]', '**[@smith2020heat]**', '`[@smith2020heat]`',
  ),
)

const htmlSnippets = fc.constantFrom(
  '<script>alert(1)</script>', '<script src="http://evil.example/x.js"></script>', '<SCRIPT>alert(1)</SCRIPT>',
  '<img src=x onerror=alert(1)>', '<img src="x" onerror="alert(1)"/>', '<a href="javascript:alert(1)">x</a>',
  '<a href="JaVaScRiPt:alert(1)">x</a>', '<a href="jav&#x09;ascript:alert(1)">x</a>', '<a href=" javascript:alert(1)">x</a>',
  '<a href="vbscript:msgbox(1)">x</a>', '<a href="data:text/html,<script>alert(1)</script>">x</a>',
  '<iframe src="http://evil.example"></iframe>', '<object data="x.swf"></object>', '<embed src="x.swf">',
  '<base href="http://evil.example/">', '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<svg onload=alert(1)><circle r="1"/></svg>', '<svg><script>alert(1)</script></svg>',
  '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>', '<math><a href="javascript:alert(1)">x</a></math>',
  '<style>body{display:none}</style>', '<form action="javascript:alert(1)"><button formaction="javascript:alert(1)">x</button></form>',
  '<details open ontoggle=alert(1)>x</details>', '<div onclick="alert(1)">x</div>', '<span data-citation="smith2020heat">x</span>',
  '<span data-citation="javascript:alert(1)">x</span>', '<plaintext>', '<textarea>', '<xmp>', '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<template><script>alert(1)</script></template>', '<!-- [@smith2020heat] -->', '<!--', '<div>', '</div>', '<div>\n\n[@smith2020heat]\n\n</div>',
  '<p>[@smith2020heat]</p>', '<aside role="note">x</aside>', '<figure><img src="figures/fig.svg"><figcaption>x</figcaption></figure>',
  '<a name="x" id="user-content-x">x</a>', '<img src="javascript:alert(1)">', '<video poster="javascript:alert(1)"></video>',
  '<link rel="stylesheet" href="http://evil.example/x.css">', '<input autofocus onfocus=alert(1)>', '</script><script>alert(1)</script>',
  '<svg><style>@import "http://evil.example";</style></svg>', '<a href="&#106;avascript:alert(1)">x</a>',
)

// Note: links and images that are fine, or that sanitizing alone should deal with (no message expected).
const tameLinks = fc.constantFrom(
  '[x](javascript:alert(1))', '[x](JAVASCRIPT:alert(1))', '[x](<javascript:alert(1)>)', '<javascript:alert(1)>', '[x](#top)',
  '[x](http://example.org "t")', '[x](mailto:a@b.org)', '![alt](figures/fig.svg)', '![](figures/fig.svg)', '![alt](figures/fig.svg "title")',
  '![alt [@smith2020heat]](figures/fig.svg)', '[x [@smith2020heat]](http://example.org)', '[x][r]\n\n[r]: javascript:alert(1)',
)

const links = fc.constantFrom(
  '[x](javascript:alert(1))', '[x](JAVASCRIPT:alert(1))', '[x](javascript&colon;alert(1))', '[x](<javascript:alert(1)>)',
  '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)', '<javascript:alert(1)>', '[x][r]\n\n[r]: javascript:alert(1)',
  '[x](http://example.org "a \\"title\\"")', '[x](#top)', '[x](../other/)', '[x](mailto:a@b.org)', '[x]()', '[](x)',
  '![alt](figures/fig.svg)', '![alt](figures/missing.png)', '![alt](../../../../etc/passwd)', '![alt](/etc/passwd)', '![alt](100%.png)',
  '![alt](<figures/fig .svg>)', '![alt](http://evil.example/x.png)', '![alt](javascript:alert(1))', '![alt](data:image/svg+xml,<svg onload=alert(1)>)',
  '![](figures/fig.svg)', '![alt](figures/fig.svg "title")', '![alt [@smith2020heat]](figures/fig.svg)', '![alt](figures/)', '![alt](.)',
)

const directives = fc.constantFrom(
  ':::recommendation\nDo it.\n:::', ':::recommendation', ':::unknown\nx\n:::', ':::\n:::', '::leaf[x]{a=b}', ':inline[x]{onclick=alert(1)}',
  ':::note{#id .class onclick="alert(1)"}\nx\n:::', ':::recommendation{href="javascript:alert(1)"}\nx\n:::', '::::recommendation\n:::x\n:::\n::::',
  ':::recommendation\n[@smith2020heat]\n:::', ':x[y]', '::x', ':::recommendation[label [@smith2020heat]]\nx\n:::',
)

const blocks = fc.constantFrom(
  '| a | b |\n| - | - |\n| 1 | [@smith2020heat] |', '| a |\n|---|\n| <script>x</script> |', '|a|b|\n|-|\n|c|', '- a\n  - b\n    - c',
  '1. x\n2. y\n\n   > q', '> a\n> > b\n> > > [@smith2020heat]', '```\n[@smith2020heat]\n```', '```js\n<script>\n```', '    code [@x]',
  '## Heading [@smith2020heat]', '# h1\n\n## h2\n\n###### h6', 'Setext\n===', '[^n]: Note with [@smith2020heat].\n\nText.[^n]',
  'Text.[^1] [^1]\n\n[^1]: Twice.', '---', '$$x$$', '- [x] done', '<details><summary>s</summary>\n\n[@smith2020heat]\n\n</details>',
)

/**
 * Markdown soup: text of many sorts, syntax, citations, HTML, links and blocks, in any order. `tame` soup
 * leaves out what is a content error (unknown keys, missing images), so that most tame briefs build.
 */
export function markdownSoup(size: CaseSize, tame = false): fc.Arbitrary<string> {
  const nested = fc.tuple(fc.constantFrom('> ', '- ', '* ', '1. ', '  ', '<div>', '**', '[', '*'), fc.integer({ min: 1, max: size === 'small' ? 30 : 200 }))
    .map(([unit, n]) => `${unit.repeat(tame ? Math.min(n, 8) : n)}x`)
  const fragment = fc.oneof(
    { weight: 4, arbitrary: words },
    { weight: 1, arbitrary: cjk },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
    { weight: 3, arbitrary: syntaxTokens },
    { weight: 3, arbitrary: tame ? validCitations : citations },
    { weight: 2, arbitrary: htmlSnippets },
    { weight: 2, arbitrary: tame ? tameLinks : links },
    { weight: 1, arbitrary: tame ? fc.constantFrom(':::recommendation\nDo it [@lee2019canopy].\n:::', ':::recommendation\n- a\n- b\n:::') : directives },
    { weight: 1, arbitrary: blocks },
    { weight: 1, arbitrary: nested },
  )
  const separator = fc.constantFrom(' ', ' ', '', '\n', '\n\n', '\r\n', '\n\n\n')
  return fc.array(fc.tuple(fragment, separator), { maxLength: size === 'small' ? 12 : 40 })
    .map((parts) => parts.map(([f, s]) => f + s).join(''))
}

/** A YAML scalar as written in front matter: quoted text, or a raw value of another type or shape. */
function yamlValue(size: CaseSize): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 6, arbitrary: markdownSoup(size).map((s) => JSON.stringify(s)) },
    { weight: 1, arbitrary: markdownSoup(size).map((s) => `|\n  ${s.replace(/\n/g, '\n  ')}`) },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        '', '~', 'null', 'true', '1984', '-1', '1e400', '99999999999999999999999', '.nan', '0x1F', '[]', '{}', '[a, b]', '{a: 1}',
        '2025-13-45', '2025-02-30', '0000-00-00', '99999-01-01', '2025-6-1', '2025-06-01T10:00:00Z', '*nope', '&a x', '!!binary aGk=',
        '!!js/function "function(){}"', '!custom x', '"unterminated', "'single", '>-\n  folded', '[unclosed', '{a: {b: {c: {d: [1, [2, [3]]]}}}}',
        '"\\ud800"', '"\\0"', 'x: y', '- a', '? x', '@at', '`tick', '%yaml', '"</script><script>alert(1)</script>"',
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
  // Note: titles and tags are plain text (their citations a known bug, F4 in scripts/fuzz.ts); tame ones have none.
  const plain = soup.filter((s) => !tame || !s.includes('[@'))
  const validLine = ([key, value, text, cited]: Field): fc.Arbitrary<readonly string[]> =>
    text === undefined
      ? fc.constant([`${key}: ${value}`])
      : fc.oneof(
          fc.constant([`${key}: ${value}`]),
          (cited ? soup : plain).map((s) => [`${key}: ${text === 'list' ? `[${JSON.stringify(s)}]` : JSON.stringify(s)}`]),
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
      'unknown: 1', 'x: &a [1, 2]\ny: [*a, *a, *a]', '<<: {title: merged}', 'a: &a [*a]', '\t tab: x', '---', '...', '#comment', ': x',
      'nested:\n  deep:\n    deeper: 1', 'order: 1e309', 'order: -0', 'authors: [{name: x, extra: y}]', 'authors: []',
      'keyFindings: [[@smith2020heat]]', 'nocite: ["*"]', 'nocite: [unknown2000]', 'bibliography: ../../site.yaml', 'bibliography: /etc/passwd',
      'csl: nope.csl', 'csl: ../../../etc/passwd', 'tags: [a, a, "", null]', 'recommendations: ["Act [@lee2019canopy]."]',
    ),
    { maxLength: 2 },
  )
  const valid = fc.tuple(...fields.map(validLine)).map((lines) => lines.flat())
  const mutated = fc.tuple(fc.tuple(...fields.map(mutatedLine)), extras).map(([lines, more]) => [...lines.flat(), ...more])
  const either = tame ? valid : fc.oneof({ weight: 2, arbitrary: valid }, { weight: 1, arbitrary: mutated })
  return either.map((lines) => `---\n${lines.join('\n')}\n---\n`)
}

/** A whole-file mutation: BOM, CRLF, NUL bytes, truncation, no front matter, or an empty file. */
function fileLevel(text: fc.Arbitrary<string>, tame: boolean): fc.Arbitrary<string> {
  if (tame) return text
  return fc.tuple(text, fc.nat()).chain(([t, cut]) =>
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
  return fileLevel(fc.tuple(frontMatter(fields, size, tame), markdownSoup(size, tame)).map(([fm, body]) => fm + body), tame)
}

/** One `arguments/*.md`. */
export function argumentFile(size: CaseSize, tame: boolean): fc.Arbitrary<string> {
  const fields: Field[] = [
    ['kind', 'evidence'],
    ['title', '"The evidence is strong"', 'string'],
    ['claim', '"Trees cool streets [@khan2021shade]."', 'string', 'cited'],
    ['order', '1'],
  ]
  return fileLevel(fc.tuple(frontMatter(fields, size, tame), markdownSoup(size, tame)).map(([fm, body]) => fm + body), tame)
}

/** `conclusion.md`, or none. */
export function conclusionFile(size: CaseSize, tame: boolean): fc.Arbitrary<string | undefined> {
  const file = fc.tuple(frontMatter([['title', '"What to do"', 'string']], size, tame), markdownSoup(size, tame)).map(([fm, body]) => fm + body)
  return fc.option(fileLevel(file, tame), { freq: 3, nil: undefined })
}

const bibMutations = fc.constantFrom(
  (b: string) => b,
  (b: string) => b,
  (b: string) => `${b}\n@book{lee2019canopy, title = {Duplicate}, author = {X, Y}, date = {2001}}\n`,
  (b: string) => b.replace('{Street', '{{Street'),
  (b: string) => b.replace('heat}', 'heat'),
  (b: string) => b.replace('},\n  journaltitle', '}\n  journaltitle'),
  (b: string) => `${b}\n@misc{odd, title = {\\"{o}\\relax {\\\`e} $x^2$ 李明 🌳 \\url{javascript:alert(1)}}, author = {{Org, Inc.} and others}, date = {2025-13-45}}\n`,
  (b: string) => `${b}\n@misc{weird, howpublished = {<script>alert(1)</script>}, url = {javascript:alert(1)}, doi = {10.1/"><script>}, title = {x}}\n`,
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
    { weight: 10, arbitrary: fc.array(bibMutations, { maxLength: 3 }).map((ms) => ({ name: 'references.bib', text: ms.reduce((b, m) => m(b), baseBib) })) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '[{"id": "smith2020heat", "type": "book", "title": "T"}]', '[{"id": "smith2020heat", "type": "book", "title": 1984}]',
        '{"id": "smith2020heat"}', '[{"id": 5}]', '[', '[{"id": "smith2020heat", "author": [{"family": null}]}]', 'null',
      ).map((text) => ({ name: 'references.json', text })),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '- id: smith2020heat\n  type: book\n  title: 1984', '- id: smith2020heat\n  issued: {date-parts: [[2025, 13, 45]]}', '- &a {id: x}\n- *a',
        '- id: smith2020heat\n  title: *nope', 'references:\n  - id: smith2020heat\n    type: book', '- id: [a]', '',
      ).map((text) => ({ name: 'references.yaml', text })),
    },
    { weight: 1, arbitrary: fc.constant(undefined) },
  )
}

/** A long run of one unit (a pasted token, deep nesting), to find what is slower than linear or overflows the stack. */
export const longRun: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom('a', '李a', 'a李', '](', '**x', '*x', '_a', '[', '[^', '`', '\\', '&amp;', '<div>', '> ', '- ', '1. ', '<', '@', '[@x', ':', ':::a\n'),
    fc.integer({ min: 1_000, max: 20_000 }),
  )
  .map(([unit, n]) => unit.repeat(n))

/**
 * A whole generated site case: half of them tame (valid front matter and bibliography, a body without
 * content errors, so that their pages are rendered and checked), half hostile (anything goes).
 */
export function siteCase(size: CaseSize): fc.Arbitrary<SiteCase> {
  // Note: in large cases, one in two hundred briefs ends with a long run; the suite's small cases have none.
  const tail = size === 'large' ? fc.oneof({ weight: 199, arbitrary: fc.constant('') }, { weight: 1, arbitrary: longRun }) : fc.constant('')
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
