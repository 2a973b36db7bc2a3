import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { hasChartSpecs, loadChartCompiler, readChart } from '../../src/pipeline/chart-source.ts'

let root: string
let content: string

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'briefkit-chart-'))
  content = path.join(root, 'content')
  fs.mkdirSync(path.join(content, 'brief', 'figures'), { recursive: true })
})

function write(relative: string, text: string): string {
  const file = path.join(content, relative)
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, text)
  return file
}

const bar = (data: unknown, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    data,
    mark: 'bar',
    encoding: { x: { field: 'month', type: 'nominal' }, y: { field: 'price', type: 'quantitative' } },
    ...extra,
  })

describe('readChart', () => {
  it('reads CSV data beside the spec into data.values, with columns in header order', async () => {
    write('brief/figures/prices.csv', 'month,price,date\n2021年2月,46000,2021-02-01\n2024年2月,52000,2024-02-01\n')
    const spec = write('brief/figures/prices.vl.json', bar({ url: 'prices.csv' }, { title: { text: 'Prices' } }))
    const result = await readChart(spec, content)
    if (!result.ok) throw new Error(result.message)
    const { chart } = result
    expect(chart.columns).toEqual(['month', 'price', 'date'])
    expect(chart.rows).toEqual([
      { month: '2021年2月', price: 46000, date: '2021-02-01T00:00:00.000Z' },
      { month: '2024年2月', price: 52000, date: '2024-02-01T00:00:00.000Z' },
    ])
    expect(chart.spec.data).toEqual({ values: chart.rows })
    expect(chart.title).toBe('Prices')
    expect(chart.description).toBe('')
    expect(chart.dataFile).toEqual({
      from: fs.realpathSync(path.join(content, 'brief/figures/prices.csv')),
      to: 'media/brief/figures/prices.csv',
      data: true,
    })
  })

  it('reads JSON data and a YAML spec, with its title and description', async () => {
    write('brief/data/prices.json', JSON.stringify([{ month: '阿根廷', price: 1.5 }]))
    const spec = write(
      'brief/figures/prices.vl.yaml',
      'title: Hash rate\ndescription: Share by country\ndata: {url: ../data/prices.json}\nmark: bar\n' +
        'encoding:\n  x: {field: month, type: nominal}\n  y: {field: price, type: quantitative}\n',
    )
    const result = await readChart(spec, content)
    if (!result.ok) throw new Error(result.message)
    expect(result.chart.rows).toEqual([{ month: '阿根廷', price: 1.5 }])
    expect(result.chart.columns).toEqual(['month', 'price'])
    expect(result.chart.title).toBe('Hash rate')
    expect(result.chart.description).toBe('Share by country')
    expect(result.chart.dataFile?.to).toBe('media/brief/data/prices.json')
  })

  it('takes inline values as they are, with no data file', async () => {
    const spec = write('brief/figures/inline.vl.json', bar({ values: [{ month: 'a', price: 1 }] }))
    const result = await readChart(spec, content)
    if (!result.ok) throw new Error(result.message)
    expect(result.chart.dataFile).toBeUndefined()
    expect(result.chart.columns).toEqual(['month', 'price'])
    expect(result.chart.rows).toEqual([{ month: 'a', price: 1 }])
  })

  it('names a missing data file and where it looked', async () => {
    const spec = write('brief/figures/prices.vl.json', bar({ url: 'nosuch.csv' }))
    const result = await readChart(spec, content)
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining('`nosuch.csv` not found') })
    expect(result.ok || result.hint).toContain('brief/figures/nosuch.csv')
  })

  it('refuses a data file outside the content folder, by path or through a symlink', async () => {
    fs.writeFileSync(path.join(root, 'secret.csv'), 'month,price\na,1\n')
    fs.symlinkSync(path.join(root, 'secret.csv'), path.join(content, 'brief/figures/link.csv'))
    for (const url of ['../../../secret.csv', 'link.csv']) {
      const spec = write('brief/figures/prices.vl.json', bar({ url }))
      const result = await readChart(spec, content)
      expect(result).toMatchObject({ ok: false, message: expect.stringContaining('outside the content folder') })
    }
  })

  it('refuses remote data', async () => {
    for (const url of ['http://example.com/prices.csv', 'https://example.com/x.json', '//example.com/x.csv']) {
      const spec = write('brief/figures/prices.vl.json', bar({ url }))
      const result = await readChart(spec, content)
      expect(result).toMatchObject({ ok: false, message: expect.stringContaining('not a local file') })
    }
  })

  it('refuses data files named inside layers', async () => {
    write('brief/figures/prices.csv', 'month,price\na,1\n')
    const spec = write(
      'brief/figures/layers.vl.json',
      JSON.stringify({
        data: { url: 'prices.csv' },
        layer: [{ data: { url: '/etc/passwd', format: { type: 'csv' } }, mark: 'bar' }],
      }),
    )
    expect(await readChart(spec, content)).toMatchObject({
      ok: false,
      message: expect.stringContaining('inside its layers'),
    })
  })

  it('refuses data that is not CSV, TSV or JSON', async () => {
    write('brief/figures/prices.xlsx', 'x')
    const spec = write('brief/figures/prices.vl.json', bar({ url: 'prices.xlsx' }))
    expect(await readChart(spec, content)).toMatchObject({ ok: false, message: expect.stringContaining('not CSV') })
  })

  it("gives vega-lite's message for an invalid spec", async () => {
    const spec = write(
      'brief/figures/bad.vl.json',
      JSON.stringify({ data: { values: [{ a: 1 }] }, mark: 'nosuch', encoding: { x: { field: 'a' } } }),
    )
    const result = await readChart(spec, content)
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/not a valid Vega-Lite spec: .*nosuch/i) })
  })

  it('checks a spec with vega-lite once it is loaded: an encoding of an unknown type is refused', async () => {
    const spec = write(
      'brief/figures/typo.vl.json',
      JSON.stringify({
        data: { values: [{ a: 1 }] },
        mark: 'bar',
        encoding: { x: { field: 'a', type: 'quantitive' } },
      }),
    )
    expect(hasChartSpecs(content)).toBe(true)
    await loadChartCompiler()
    const result = readChart(spec, content)
    expect(result).toMatchObject({
      ok: false,
      message: expect.stringMatching(/not a valid Vega-Lite spec: Invalid field type/),
    })
  })

  it('refuses a spec that is not an object, or draws nothing, or is not JSON', async () => {
    const cases: Array<[string, string, RegExp]> = [
      ['brief/figures/list.vl.json', '[1, 2]', /not a Vega-Lite spec \(not an object\)/],
      ['brief/figures/text.vl.yaml', 'just words', /not a Vega-Lite spec/],
      ['brief/figures/empty.vl.json', '{"data": {"values": []}}', /draws nothing/],
      ['brief/figures/broken.vl.json', '{"mark": ', /cannot be read/],
    ]
    for (const [file, text, message] of cases) {
      const result = await readChart(write(file, text), content)
      expect(result.ok, file).toBe(false)
      expect(result.ok || result.message, file).toMatch(message)
    }
  })
})
