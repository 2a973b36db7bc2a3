import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type SiteCase, siteCase } from './arbitraries.ts'
import { baselineOf, liveScript, rawCitations } from './page-checks.ts'
import { failuresOf } from './property.ts'
import { runCase } from './run-case.ts'

// Note: a fixed seed, so that a failure here is the same on every machine; `npm run fuzz` explores further.
// 200 cases take about 20 s on this 2-core machine under load; each case is compiled and rendered in a fresh folder.
const seed = 12
const numRuns = 200

describe('generated briefs through compile and render', () => {
  it(`end in pages or located messages, never an internal error, live script, raw citation or hang (${numRuns} cases)`, async () => {
    await fc.assert(
      fc.asyncProperty(siteCase('small'), async (site: SiteCase) => {
        expect(failuresOf(await runCase(site), site)).toEqual([])
      }),
      { seed, numRuns },
    )
  }, 120_000)
})

// Note: the checks themselves must be able to fail, or the property above proves nothing.
describe('the page checks', () => {
  const clean =
    '<html><head><script src="a.js"></script><script type="application/ld+json">{"a":1}</script></head><body><p>x</p></body></html>'
  const baseline = baselineOf(clean)

  it("allow the theme's own scripts", () => {
    expect(liveScript(clean, baseline)).toEqual([])
  })

  it.each([
    ['an inline script', '<p><script>alert(1)</script></p>'],
    ['a script from elsewhere', '<script src="http://evil.example/x.js"></script>'],
    ['an event handler', '<img src="x" onerror="alert(1)">'],
    ['a javascript: link', '<a href=" JaVa&#x09;Script:alert(1)">x</a>'],
    ['a data:text/html frame source', '<a href="data:text/html,x">x</a>'],
    ['an svg link', '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>'],
    ['a form action', '<form><button formaction="javascript:alert(1)">x</button></form>'],
    ['an iframe', '<iframe src="x.html"></iframe>'],
    ['a base', '<base href="http://evil.example/">'],
    ['a refresh', '<meta http-equiv="refresh" content="0;url=x">'],
  ])('find %s', (_, html) => {
    expect(liveScript(clean.replace('<p>x</p>', html), baseline)).not.toEqual([])
  })

  it('find JSON-LD broken out of', () => {
    const broken = clean.replace('{"a":1}', '{"a":"</script><p>x</p>')
    expect(liveScript(broken, baseline).join('\n')).toMatch(/JSON-LD/)
  })

  it('find a raw citation in text, not in code', () => {
    expect(rawCitations('<p>As [@smith2020heat] shows</p>')).toHaveLength(1)
    expect(rawCitations('<p><code>[@smith2020heat]</code></p><pre>[@x]</pre>')).toEqual([])
  })
})
