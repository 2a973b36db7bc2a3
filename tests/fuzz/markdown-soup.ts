import fc from 'fast-check'

/** How big generated content may get: `small` for the suite, `large` for `npm run fuzz`. */
export type CaseSize = 'small' | 'large'

/** The citation keys the base bibliography defines. */
export const knownKeys = ['smith2020heat', 'lee2019canopy', 'khan2021shade'] as const

const cjk = fc.string({
  unit: fc.integer({ min: 0x4e00, max: 0x9fff }).map((c) => String.fromCodePoint(c)),
  minLength: 1,
  maxLength: 12,
})
const words = fc.string({ unit: fc.constantFrom(...'abcdefghij klmnop qrstuvwxyz.,;'), minLength: 1, maxLength: 20 })

// Note: the pieces markdown gives meaning to, to be put together in any order.
const syntaxTokens = fc.constantFrom(
  '*',
  '**',
  '***',
  '_',
  '__',
  '~~',
  '`',
  '```',
  '~~~',
  '[',
  ']',
  '(',
  ')',
  '![',
  '](',
  '<',
  '>',
  '&',
  '&amp;',
  '&#0;',
  '&lt;script&gt;',
  '\\',
  '\\[',
  '|',
  '---',
  '***',
  '___',
  '> ',
  '- ',
  '* ',
  '+ ',
  '1. ',
  '1) ',
  '- [ ] ',
  '# ',
  '###### ',
  '=====',
  '    ',
  '\t',
  '[^1]',
  '[^1]: A note.',
  '[^]',
  '[^x]: ',
  ':::',
  '::',
  ':',
  '{',
  '}',
  '{#id .cls}',
  '<!--',
  '-->',
  'http://x.org',
  'www.example.org',
  'a@b.org',
  '\u200b',
  '\u202e',
  '\ufeff',
  '\u0000',
  '\r',
  '\u2028',
  '\ud800',
  '🌳',
  'é',
  'e\u0301',
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
    '[@unknown2000]',
    '[@]',
    '[@ smith2020heat]',
    '[@smith2020heat',
    '@smith2020heat]',
    '[@smith2020heat, pp. 4-5',
    '[@@smith2020heat]',
    '[@smith2020heat](http://x.org)',
    '[@smith2020heat]{.x}',
    '[@smith2020heat][]',
    '[x][@smith2020heat]',
    '\\[@smith2020heat]',
    '[\\@smith2020heat]',
    '[@smith2020heat;]',
    '[;@smith2020heat]',
    '[@{weird key}]',
    '[@a:b/c.d]',
    '[@SMITH2020HEAT]',
    '[@smith2020heat, ch. 2; see @lee2019canopy, p. 3]',
    '[@smith2020heat, 第3页]',
    '[@李2020]',
    'mail@smith2020heat',
    '[@smith2020heat\n]',
    '[\n@smith2020heat]',
    '[^[@smith2020heat]]',
    '**[@smith2020heat]**',
    '`[@smith2020heat]`',
  ),
)

const htmlSnippetsList = [
  '<script>alert(1)</script>',
  '<script src="http://evil.example/x.js"></script>',
  '<SCRIPT>alert(1)</SCRIPT>',
  '<img src=x onerror=alert(1)>',
  '<img src="x" onerror="alert(1)"/>',
  '<a href="javascript:alert(1)">x</a>',
  '<a href="JaVaScRiPt:alert(1)">x</a>',
  '<a href="jav&#x09;ascript:alert(1)">x</a>',
  '<a href=" javascript:alert(1)">x</a>',
  '<a href="vbscript:msgbox(1)">x</a>',
  '<a href="data:text/html,<script>alert(1)</script>">x</a>',
  '<iframe src="http://evil.example"></iframe>',
  '<object data="x.swf"></object>',
  '<embed src="x.swf">',
  '<base href="http://evil.example/">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<svg onload=alert(1)><circle r="1"/></svg>',
  '<svg><script>alert(1)</script></svg>',
  '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
  '<math><a href="javascript:alert(1)">x</a></math>',
  '<style>body{display:none}</style>',
  '<form action="javascript:alert(1)"><button formaction="javascript:alert(1)">x</button></form>',
  '<details open ontoggle=alert(1)>x</details>',
  '<div onclick="alert(1)">x</div>',
  '<span data-citation="smith2020heat">x</span>',
  '<span data-citation="javascript:alert(1)">x</span>',
  '<plaintext>',
  '<textarea>',
  '<xmp>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<template><script>alert(1)</script></template>',
  '<!-- [@smith2020heat] -->',
  '<!--',
  '<div>',
  '</div>',
  '<div>\n\n[@smith2020heat]\n\n</div>',
  '<p>[@smith2020heat]</p>',
  '<aside role="note">x</aside>',
  '<figure><img src="figures/fig.svg"><figcaption>x</figcaption></figure>',
  '<a name="x" id="user-content-x">x</a>',
  '<img src="javascript:alert(1)">',
  '<video poster="javascript:alert(1)"></video>',
  '<link rel="stylesheet" href="http://evil.example/x.css">',
  '<input autofocus onfocus=alert(1)>',
  '</script><script>alert(1)</script>',
  '<svg><style>@import "http://evil.example";</style></svg>',
  '<a href="&#106;avascript:alert(1)">x</a>',
]
const htmlSnippets = fc.constantFrom(...htmlSnippetsList)

// Note: links and images that are fine, or that sanitizing alone should deal with (no message expected).
const tameLinksList = [
  '[x](javascript:alert(1))',
  '[x](JAVASCRIPT:alert(1))',
  '[x](<javascript:alert(1)>)',
  '<javascript:alert(1)>',
  '[x](#top)',
  '[x](http://example.org "t")',
  '[x](mailto:a@b.org)',
  '![alt](figures/fig.svg)',
  '![](figures/fig.svg)',
  '![alt](figures/fig.svg "title")',
  '![alt [@smith2020heat]](figures/fig.svg)',
  '[x [@smith2020heat]](http://example.org)',
  '[x][r]\n\n[r]: javascript:alert(1)',
]

const links = fc.constantFrom(
  '[x](javascript:alert(1))',
  '[x](JAVASCRIPT:alert(1))',
  '[x](javascript&colon;alert(1))',
  '[x](<javascript:alert(1)>)',
  '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '<javascript:alert(1)>',
  '[x][r]\n\n[r]: javascript:alert(1)',
  '[x](http://example.org "a \\"title\\"")',
  '[x](#top)',
  '[x](../other/)',
  '[x](mailto:a@b.org)',
  '[x]()',
  '[](x)',
  '![alt](figures/fig.svg)',
  '![alt](figures/missing.png)',
  '![alt](../../../../etc/passwd)',
  '![alt](/etc/passwd)',
  '![alt](100%.png)',
  '![alt](<figures/fig .svg>)',
  '![alt](http://evil.example/x.png)',
  '![alt](javascript:alert(1))',
  '![alt](data:image/svg+xml,<svg onload=alert(1)>)',
  '![](figures/fig.svg)',
  '![alt](figures/fig.svg "title")',
  '![alt [@smith2020heat]](figures/fig.svg)',
  '![alt](figures/)',
  '![alt](.)',
)

const directives = fc.constantFrom(
  ':::recommendation\nDo it.\n:::',
  ':::recommendation',
  ':::unknown\nx\n:::',
  ':::\n:::',
  '::leaf[x]{a=b}',
  ':inline[x]{onclick=alert(1)}',
  ':::note{#id .class onclick="alert(1)"}\nx\n:::',
  ':::recommendation{href="javascript:alert(1)"}\nx\n:::',
  '::::recommendation\n:::x\n:::\n::::',
  ':::recommendation\n[@smith2020heat]\n:::',
  ':x[y]',
  '::x',
  ':::recommendation[label [@smith2020heat]]\nx\n:::',
  // Figures, tables, sections and cross-references (Quarto's syntax), whole and broken.
  '![A figure [@smith2020heat]](figures/heat.svg){#fig-heat source="[@lee2019canopy]" width="60%"}',
  '![x](figures/heat.svg){#fig-',
  '{#fig-a source="',
  '{#tbl-x source="[@nosuch"}',
  '{width=200% #fig-b}',
  ': A caption {#tbl-a}',
  ': {#tbl-}',
  '## Heading {#sec-a}',
  '## {#sec-a} ##',
  '@fig-heat',
  '[-@fig-heat]',
  '[@fig-heat; @smith2020heat]',
  '@tbl-nosuch',
  '@sec-',
  ':::stat{value="138 TWh"}\nused [@smith2020heat]\n:::',
  ':::stat\nno value\n:::',
  ':::stat{value=""}\n:::',
)

const blocksList = [
  '| a | b |\n| - | - |\n| 1 | [@smith2020heat] |',
  '| a |\n|---|\n| <script>x</script> |',
  '|a|b|\n|-|\n|c|',
  '- a\n  - b\n    - c',
  '1. x\n2. y\n\n   > q',
  '> a\n> > b\n> > > [@smith2020heat]',
  '```\n[@smith2020heat]\n```',
  '```js\n<script>\n```',
  '    code [@x]',
  '## Heading [@smith2020heat]',
  '# h1\n\n## h2\n\n###### h6',
  'Setext\n===',
  '[^n]: Note with [@smith2020heat].\n\nText.[^n]',
  'Text.[^1] [^1]\n\n[^1]: Twice.',
  '---',
  '$$x$$',
  '- [x] done',
  '<details><summary>s</summary>\n\n[@smith2020heat]\n\n</details>',
]
const blocks = fc.constantFrom(...blocksList)

// Note: what tame soup leaves out besides: what is now a content error by design (a citation in an HTML
// block or a link's text, raw-text elements left open, an unknown key in code that a paragraph takes in).
const refusedInTame = /\[@x\]|<p>\[@|<!-- \[@|<(?:plaintext|textarea|xmp|noscript)\b|\[x \[@/
const tameOf = (pieces: readonly string[]) => fc.constantFrom(...pieces.filter((piece) => !refusedInTame.test(piece)))

/**
 * Markdown soup: text of many sorts, syntax, citations, HTML, links and blocks, in any order. `tame` soup
 * leaves out what is a content error (unknown keys, missing images), so that most tame briefs build.
 */
export function markdownSoup(size: CaseSize, tame = false): fc.Arbitrary<string> {
  const nested = fc
    .tuple(
      fc.constantFrom('> ', '- ', '* ', '1. ', '  ', '<div>', '**', '[', '*'),
      fc.integer({ min: 1, max: size === 'small' ? 30 : 200 }),
    )
    .map(([unit, n]) => `${unit.repeat(tame ? Math.min(n, 8) : n)}x`)
  const fragment = fc.oneof(
    { weight: 4, arbitrary: words },
    { weight: 1, arbitrary: cjk },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
    { weight: 3, arbitrary: syntaxTokens },
    { weight: 3, arbitrary: tame ? validCitations : citations },
    { weight: 2, arbitrary: tame ? tameOf(htmlSnippetsList) : htmlSnippets },
    { weight: 2, arbitrary: tame ? tameOf(tameLinksList) : links },
    {
      weight: 1,
      arbitrary: tame
        ? fc.constantFrom(':::recommendation\nDo it [@lee2019canopy].\n:::', ':::recommendation\n- a\n- b\n:::')
        : directives,
    },
    { weight: 1, arbitrary: tame ? tameOf(blocksList) : blocks },
    { weight: 1, arbitrary: nested },
  )
  const separator = fc.constantFrom(' ', ' ', '', '\n', '\n\n', '\r\n', '\n\n\n')
  return fc
    .array(fc.tuple(fragment, separator), { maxLength: size === 'small' ? 12 : 40 })
    .map((parts) => parts.map(([f, s]) => f + s).join(''))
}

/** A long run of one unit (a pasted token, deep nesting), to find what is slower than linear or overflows the stack. */
export const longRun: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom(
      'a',
      '李a',
      'a李',
      '](',
      '**x',
      '*x',
      '_a',
      '[',
      '[^',
      '`',
      '\\',
      '&amp;',
      '<div>',
      '> ',
      '- ',
      '1. ',
      '<',
      '@',
      '[@x',
      ':',
      ':::a\n',
    ),
    fc.integer({ min: 1_000, max: 20_000 }),
  )
  .map(([unit, n]) => unit.repeat(n))
