import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { gunzipSync, gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { BriefkitError } from '../../src/reporting/errors.ts'
import { sanitizeSvg, sanitizeSvgFile } from '../../src/site/svg.ts'

const svg = (body: string, attributes = '') =>
  `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10"${attributes}>${body}</svg>`

/** Each way an SVG could run script or fetch from elsewhere, and what must not survive of it. */
const attacks: Array<[string, string, RegExp]> = [
  ['a script element', svg('<script>alert(1)</script>'), /script|alert/i],
  ['a script in CDATA', svg('<script type="text/javascript"><![CDATA[alert(1)]]></script>'), /script|alert/i],
  [
    'an XHTML script under a prefix',
    svg('<h:script xmlns:h="http://www.w3.org/1999/xhtml">alert(1)</h:script>'),
    /script|alert/i,
  ],
  ['onload on the root', svg('<rect width="1" height="1"/>', ' onload="alert(1)"'), /onload|alert/i],
  [
    'event handlers of any name and case',
    svg('<rect onclick="alert(1)" onMouseOver="alert(2)" onfocusin="alert(3)" onbegin="alert(4)"/>'),
    /\son|alert/i,
  ],
  ['a javascript: link', svg('<a href="javascript:alert(1)"><text>x</text></a>'), /javascript|alert/i],
  [
    'a javascript: xlink:href hidden by a tab entity',
    svg('<a xlink:href="java&#x09;script:alert(1)"><text>x</text></a>'),
    /script|alert/i,
  ],
  [
    'a data:text/html link',
    svg('<a href="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;"><text>x</text></a>'),
    /data:|alert/i,
  ],
  ['an external image', svg('<image href="http://evil.example/track.png" width="1" height="1"/>'), /evil\.example/],
  ['a protocol-relative xlink:href image', svg('<image xlink:href="//evil.example/track.png"/>'), /evil\.example/],
  ['a use of an external sprite', svg('<use href="https://evil.example/sprite.svg#a"/>'), /evil\.example/],
  ['an SVG in a data: URL', svg('<use href="data:image/svg+xml;base64,PHN2Zz48L3N2Zz4="/>'), /data:/],
  ['an external url() in a presentation attribute', svg('<rect fill="url(http://evil.example/#g)"/>'), /evil\.example/],
  [
    'an external url() in a style attribute',
    svg('<rect style="fill: url(\'https://evil.example/x\')"/>'),
    /evil\.example/,
  ],
  [
    '@import in a style element',
    svg('<style>@import url(http://evil.example/a.css); rect { fill: red }</style>'),
    /import|evil\.example/,
  ],
  [
    'a url() hidden by a CSS escape',
    svg('<style>rect { background: \\75rl(http://evil.example/) }</style>'),
    /evil\.example/,
  ],
  [
    'image-set() in CSS',
    svg('<rect style="background-image: image-set(\'http://evil.example/a.png\' 1x)"/>'),
    /evil\.example/,
  ],
  [
    'a foreignObject with HTML',
    svg(
      '<foreignObject width="10" height="10"><iframe xmlns="http://www.w3.org/1999/xhtml" src="javascript:alert(1)"></iframe><p xmlns="http://www.w3.org/1999/xhtml">hi</p></foreignObject>',
    ),
    /foreignObject|iframe|alert/i,
  ],
  [
    'an XHTML iframe outside foreignObject',
    svg('<g><iframe xmlns="http://www.w3.org/1999/xhtml" src="javascript:alert(1)"/></g>'),
    /iframe|alert/i,
  ],
  [
    'an animation that sets a javascript: link',
    svg('<a><animate attributeName="href" values="javascript:alert(1)"/><text>x</text></a>'),
    /animate|alert/i,
  ],
  [
    'a set of xlink:href',
    svg('<a><set attributeName="xlink:href" to="javascript:alert(1)"/><text>x</text></a>'),
    /<set|alert/i,
  ],
  [
    'an animation that fetches',
    svg('<rect><set attributeName="fill" to="url(http://evil.example/#x)"/></rect>'),
    /evil\.example/,
  ],
  [
    'an xml-stylesheet instruction',
    `<?xml-stylesheet href="http://evil.example/x.css"?>${svg('')}`,
    /stylesheet|evil\.example/,
  ],
  ['xml:base to another site', svg('<image href="x.png"/>', ' xml:base="http://evil.example/"'), /evil\.example/],
]

describe('sanitizeSvg', () => {
  it.each(attacks)('removes %s', (_name, input, forbidden) => {
    const output = sanitizeSvg(input, 'figure.svg')
    expect(output).not.toMatch(forbidden)
    expect(output).toMatch(/^<svg[\s>]/)
  })

  it('keeps a figure as drawn: shapes, gradients by id, local uses, classes in a style element, raster data images', () => {
    const figure = svg(
      [
        '<style>.bar { fill: url(#g) }</style>',
        '<defs><linearGradient id="g"><stop offset="0" stop-color="#f00"/></linearGradient><path id="p" d="M0 0h5v5z"/></defs>',
        '<rect class="bar" width="4" height="2" style="stroke: url(#g)"/>',
        '<use href="#p"/><use xlink:href="#p" x="5"/>',
        '<image href="data:image/png;base64,iVBORw0KGgo=" width="1" height="1"/>',
        '<a href="#p"><text x="1" y="9">Heat, 2024</text></a>',
      ].join(''),
    )
    const output = sanitizeSvg(figure, 'figure.svg')
    for (const kept of [
      'fill: url(#g)',
      'id="g"',
      '<use href="#p"/>',
      'xlink:href="#p"',
      'stroke: url(#g)',
      'data:image/png;base64,iVBORw0KGgo=',
      '<a href="#p">',
      'Heat, 2024',
    ]) {
      expect(output).toContain(kept)
    }
  })

  it('refuses an SVG that cannot be parsed with a BriefkitError naming the file and place', () => {
    expect(() => sanitizeSvg('<svg xmlns="http://www.w3.org/2000/svg"><g>', 'figures/broken.svg')).toThrow(
      BriefkitError,
    )
    expect(() => sanitizeSvg('<svg xmlns="http://www.w3.org/2000/svg"><g>', 'figures/broken.svg')).toThrow(
      /`figures\/broken\.svg:1:\d+` cannot be read/,
    )
  })

  it('reads entities declared in the doctype, as Adobe Illustrator writes them, and drops the doctype', () => {
    const illustrator = [
      '<?xml version="1.0" encoding="utf-8"?>',
      '<!-- Generator: Adobe Illustrator 27.0 -->',
      '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd" [',
      '\t<!ENTITY ns_svg "http://www.w3.org/2000/svg">',
      '\t<!ENTITY ns_pgf "http://ns.adobe.com/Variables/1.0/">',
      ']>',
      '<svg xmlns="&ns_svg;" xmlns:i="&ns_pgf;" viewBox="0 0 10 10"><i:pgf>private</i:pgf><rect width="1" height="1"/></svg>',
    ].join('\n')
    const output = sanitizeSvg(illustrator, 'figure.svg')
    expect(output).toBe(
      '<svg xmlns="http://www.w3.org/2000/svg" xmlns:i="http://ns.adobe.com/Variables/1.0/" viewBox="0 0 10 10"><rect width="1" height="1"/></svg>',
    )
  })

  it('refuses entities that would expand a file many times over, with a BriefkitError', () => {
    const laughs = `<!DOCTYPE svg [<!ENTITY lol "${'lol'.repeat(1000)}">]>${svg(`<text>${'&lol;'.repeat(1000)}</text>`)}`
    expect(() => sanitizeSvg(laughs, 'laughs.svg')).toThrow(/`laughs\.svg` cannot be read: its entities expand too far/)
  })

  it('refuses an SVG nested past the stack with a BriefkitError, not a stack overflow', () => {
    const deep = svg(`${'<g>'.repeat(50_000)}${'</g>'.repeat(50_000)}`)
    expect(() => sanitizeSvg(deep, 'deep.svg')).toThrow(BriefkitError)
  })
})

describe('sanitizeSvgFile', () => {
  it('sanitizes a gzipped .svgz and keeps it gzipped', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'briefkit-svg-'))
    const file = path.join(dir, 'figure.svgz')
    fs.writeFileSync(file, gzipSync(svg('<script>alert(1)</script><rect width="1" height="1"/>')))
    const output = sanitizeSvgFile(file)
    expect(typeof output).not.toBe('string')
    const text = gunzipSync(output).toString('utf8')
    expect(text).toContain('<rect')
    expect(text).not.toContain('alert')
  })

  it('sanitizes the file again once it changed', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'briefkit-svg-'))
    const file = path.join(dir, 'figure.svg')
    fs.writeFileSync(file, svg('<rect width="1" height="1"/>'))
    expect(sanitizeSvgFile(file)).toContain('<rect')
    fs.writeFileSync(file, svg('<circle r="1"/><script>alert(1)</script>'))
    fs.utimesSync(file, new Date(), new Date(Date.now() + 5000))
    const output = String(sanitizeSvgFile(file))
    expect(output).toContain('<circle')
    expect(output).not.toContain('alert')
  })
})
