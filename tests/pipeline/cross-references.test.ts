import fs from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { brokenLinks, loadPage } from '../helpers/html.ts'
import { copySite, expectRefused, runCli, type Site } from '../helpers/sites.ts'

// The `figures` fixture: a figure and a captioned table in brief.md, a section id and
// cross-references of each kind in the first argument, big numbers in the summary.
describe('figures, tables, sections and cross-references', () => {
  let site: Site
  let warnings: string
  const page = () => loadPage(site.out, 'en/urban-trees/index.html')
  const argument = (at: Site, file: string) => path.join(at.content, 'urban-trees', 'arguments', file)
  const edit = (file: string, from: string | RegExp, to: string) =>
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(from, to))

  beforeAll(async () => {
    site = copySite('figures')
    const result = await runCli(['build', '--no-pdf', '--content', site.content, '--out', site.out])
    expect(result.code, result.stderr).toBe(0)
    warnings = result.stderr
  }, 60_000)

  it('numbers figures and tables in reading order, with the theme words and the source under them', () => {
    const $ = page()
    expect($('figure#fig-heat > figcaption').text()).toMatch(
      /^Figure 1\. Surface heat by district \(Smith et al\. 2020\)Smith, Jane/,
    )
    expect($('figure#fig-heat > img').attr('alt')).toBe('Surface heat by district')
    expect($('figure#fig-heat').attr('style')).toBe('--figure-width: 60%')
    expect($('figure#tbl-cover > figcaption').text()).toBe('Table 1. Tree cover and cooling by city')
    expect($('figure#tbl-cover > table')).toHaveLength(1)
    expect($('figure#tbl-cover > .figure-source').text()).toMatch(/^Source: \(Lee 2019\)Lee, Min/)
  })

  it('honours column alignment, as a class (the align attribute is obsolete)', () => {
    const $ = page()
    expect($('#tbl-cover td.align-right')).toHaveLength(4)
    expect($('[align]')).toHaveLength(0)
  })

  it('links cross-references of each kind, across files, with the number alone for [-@…]', () => {
    const $ = page()
    const xrefs = $('a.xref')
      .map((_, a) => `${$(a).attr('href')} ${$(a).text()}`)
      .get()
    expect(xrefs).toEqual([
      '#fig-heat Figure 1',
      '#tbl-cover Table 1',
      '#fig-heat Figure 1',
      '#fig-heat 1',
      '#sec-method Section 1.1',
      '#tbl-cover Table 1',
      '#fig-cooling Figure 2',
    ])
    expect($('h3#sec-method').text()).toBe('Method')
    expect(brokenLinks(site.out)).toEqual([])
  })

  it('draws a chart from its CSV as inline SVG, with its data as a table and the data file beside the media', () => {
    const $ = page()
    expect($('figure#fig-cooling > figcaption .figure-label').text()).toBe('Figure 2.')
    expect($('figure#fig-cooling .chart-wide svg[role="img"] title').text()).toBe('Cooling by city')
    expect($('figure#fig-cooling svg text').text()).toContain('Cooling (°C)')
    expect($('figure#fig-cooling script')).toHaveLength(0)
    expect(
      $('figure#fig-cooling details.figure-data td')
        .map((_, td) => $(td).text())
        .get(),
    ).toEqual(['A', '20', '1.5', 'B', '35', '2.8'])
    const href = $('figure#fig-cooling details.figure-data a').attr('href') ?? ''
    expect(fs.readFileSync(path.join(site.out, 'en/urban-trees', href), 'utf8')).toContain('city,cover,cooling')
  })

  it('refuses a chart whose data file is missing, at the image, and writes nothing', async () => {
    await expectRefused(
      'figures',
      site,
      (s) => edit(path.join(s.content, 'urban-trees/figures/cooling.vl.json'), 'cooling.csv', 'nosuch.csv'),
      /b-cost\.md:10:1: error: Chart `urban-trees\/figures\/cooling\.vl\.json`: data `nosuch\.csv` not found \[invalid-chart\]/,
    )
  })

  it('refuses a chart whose spec vega-lite rejects, at the image, and writes nothing', async () => {
    await expectRefused(
      'figures',
      site,
      (s) => edit(path.join(s.content, 'urban-trees/figures/cooling.vl.json'), '"quantitative"', '"quantity"'),
      /b-cost\.md:10:1: error: Chart `urban-trees\/figures\/cooling\.vl\.json` is not a valid Vega-Lite spec: .* \[invalid-chart\]/,
    )
  })

  it('lays big numbers of the summary out in a row', () => {
    const $ = page()
    expect($('.summary-text .stats > .stat')).toHaveLength(2)
    expect($('.stat-value').first().text()).toBe('2.8 °C')
  })

  it('takes no cross-reference for a citation key, and says nothing of figures that are cited and referred to', () => {
    expect(warnings).not.toMatch(/unknown-citation|figure-source|unreferenced-figure/)
  })

  it('warns about a figure with no source and a figure nothing refers to', async () => {
    const copy = copySite('figures')
    edit(argument(copy, 'b-cost.md'), /$/, '\n![A chart without a source](../figures/heat.svg){#fig-lonely}\n')
    const result = await runCli(['check', '--content', copy.content])
    expect(result.code).toBe(0)
    expect(result.stderr).toMatch(/b-cost\.md:12:1: warning: Figure `fig-lonely` says nowhere .* \[figure-source\]/)
    expect(result.stderr).toMatch(
      /b-cost\.md:12:1: warning: Figure `fig-lonely` is never referred to .* \[unreferenced-figure\]/,
    )
  })

  it('refuses an unknown cross-reference at its place with the closest id, and writes nothing', async () => {
    await expectRefused(
      'figures',
      site,
      (s) =>
        edit(
          path.join(s.content, 'urban-trees', 'arguments', 'a-evidence.md'),
          'As @fig-heat shows',
          'As @fig-haet shows',
        ),
      /a-evidence\.md:8:4: error: Unknown cross-reference `@fig-haet` \[unknown-cross-reference\]\n\s+hint: Did you mean `@fig-heat`\?/,
    )
  })

  it('refuses an id given twice, at both places', async () => {
    const copy = copySite('figures')
    edit(argument(copy, 'b-cost.md'), /$/, '\n## Method again {#sec-method}\n')
    const result = await runCli(['check', '--content', copy.content])
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(
      /a-evidence\.md:10:1: error: The id `sec-method` is given twice \[duplicate-id\]\n\s+hint: Also given at b-cost\.md:12/,
    )
    expect(result.stderr).toMatch(
      /b-cost\.md:12:1: error: The id `sec-method` is given twice \[duplicate-id\]\n\s+hint: Also given at a-evidence\.md:10/,
    )
  })

  it('refuses a cross-reference mixed with a citation in one bracket', async () => {
    const copy = copySite('figures')
    edit(argument(copy, 'b-cost.md'), /$/, '\nSee [@fig-heat; @smith2020heat].\n')
    const result = await runCli(['check', '--content', copy.content])
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(
      /b-cost\.md:12:5: error: .*mixes cross-references with citations.* \[cross-reference\]/,
    )
    expect(result.stderr).not.toMatch(/unknown-citation/)
  })

  it('refuses a figure id without its prefix', async () => {
    const copy = copySite('figures')
    edit(argument(copy, 'b-cost.md'), /$/, '\n![Heat](../figures/heat.svg){#heat}\n')
    const result = await runCli(['check', '--content', copy.content])
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(
      /b-cost\.md:12:1: error: A figure's id `heat` does not start with `fig-` \[figure-id\]/,
    )
  })
})
