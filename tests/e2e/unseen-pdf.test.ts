import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pdfBookmarks, pdfFonts, pdfInfo, pdfText } from '../helpers/pdf.ts'
import { copySite, runCli } from '../helpers/sites.ts'

// Unseen English content gets a PDF too, and printing never touches the network: an image served by
// a local HTTP server is left out (with a warning) and the server sees no request.
describe('the PDF of unseen English content', () => {
  const site = copySite('unseen')
  const pdf = path.join(site.out, 'en/urban-trees/urban-trees.pdf')
  const requests: string[] = []
  const server = http.createServer((req, res) => {
    requests.push(req.url ?? '')
    res.writeHead(200, { 'content-type': 'image/svg+xml' }).end('<svg xmlns="http://www.w3.org/2000/svg"/>')
  })
  let result: Awaited<ReturnType<typeof runCli>>

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as AddressInfo
    const brief = path.join(site.content, 'urban-trees', 'brief.md')
    fs.appendFileSync(brief, `\n![Remote chart](http://127.0.0.1:${port}/chart.svg)\n`)
    result = await runCli(['build', '--content', site.content, '--out', site.out])
  })

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

  it('writes the PDF, warns about the remote image at its line, and never requests it', () => {
    expect(result.code).toBe(0)
    expect(result.stderr).toMatch(
      /urban-trees\/brief\.md:27:1: warning: Remote image `http:\/\/127\.0\.0\.1:\d+\/chart\.svg` is left out of the PDF \[remote-image\]/,
    )
    expect(fs.existsSync(pdf)).toBe(true)
    expect(requests).toEqual([])
  })

  it('is a tagged English publication with embedded fonts and bookmarks for its own kinds of argument', () => {
    const info = pdfInfo(pdf)
    expect(info['Title']).toBe('Shade Before Air Conditioning')
    expect(info['Author']).toBe('Ada Example, Ben Sample')
    expect(info['Tagged']).toBe('yes')
    expect(info['Page size']).toMatch(/^612 x 792 pts \(letter\)/)
    expect(pdfFonts(pdf).every((f) => f.embedded && !/Type 3/.test(f.type))).toBe(true)
    expect(pdfBookmarks(pdf)).toEqual(
      expect.arrayContaining([
        'Summary',
        'The evidence is strong',
        'It costs little',
        'It helps those who need it most',
        'References',
      ]),
    )
    expect(pdfText(pdf, 2)).toContain(`Page 2 of ${info['Pages']}`)
    expect(pdfText(pdf)).toContain('(Smith et al. 2020; Lee 2019; Khan 2021)')
  })
})
