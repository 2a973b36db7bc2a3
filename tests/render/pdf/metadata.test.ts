import { PDFDocument } from '@pdfme/pdf-lib'
import { describe, expect, it } from 'vitest'
import { buildDate, setMetadata } from '../../../src/render/pdf/metadata.ts'
import { bookmarksOf, loadPdf, mendTitle, readBookmarks, undoubled } from '../../../src/render/pdf/outline.ts'

describe('PDF metadata', () => {
  it('uses SOURCE_DATE_EPOCH when set', () => {
    expect(buildDate({ SOURCE_DATE_EPOCH: '1700000000' }).toISOString()).toBe('2023-11-14T22:13:20.000Z')
    expect(buildDate({}).getTime()).toBeGreaterThan(Date.parse('2026-01-01'))
  })

  it('sets title, author, keywords and language', async () => {
    const doc = await PDFDocument.create()
    doc.addPage()
    const pdf = await setMetadata(await doc.save(), {
      title: '虚拟货币',
      authors: ['甲', 'B'],
      subject: 's',
      keywords: ['a', 'b'],
      language: 'zh-CN',
      date: new Date(0),
      headings: new Set(),
    })
    const read = await PDFDocument.load(pdf, { updateMetadata: false })
    expect(read.getTitle()).toBe('虚拟货币')
    expect(read.getAuthor()).toBe('甲, B')
    expect(read.getKeywords()).toBe('a b')
    expect(read.getCreationDate()?.toISOString()).toBe('1970-01-01T00:00:00.000Z')
    expect(await readBookmarks(pdf)).toEqual([])
  })

  it('writes the same bytes from a PDF already parsed for its bookmarks as from its bytes', async () => {
    const doc = await PDFDocument.create()
    doc.addPage()
    const bytes = await doc.save()
    const meta = {
      title: 'T',
      authors: ['A'],
      subject: 's',
      keywords: [],
      language: 'en',
      date: new Date(0),
      headings: new Set<string>(),
    }
    const parsed = await loadPdf(bytes)
    expect(bookmarksOf(parsed)).toEqual([])
    expect(Buffer.from(await setMetadata(parsed, meta)).equals(Buffer.from(await setMetadata(bytes, meta)))).toBe(true)
  })

  it('writes a title and authors with HTML in them as plain text (regression: literal tags in the PDF Title)', async () => {
    const doc = await PDFDocument.create()
    doc.addPage()
    const pdf = await setMetadata(await doc.save(), {
      title: 'Costs <b>rise</b> <script>alert(1)</script> &amp; fall',
      authors: ['Ada <i>Example</i>'],
      subject: 'Costs rise & fall',
      keywords: ['<b>a</b>'],
      language: 'en',
      date: new Date(0),
      headings: new Set(),
    })
    const read = await PDFDocument.load(pdf, { updateMetadata: false })
    expect(read.getTitle()).toBe('Costs rise & fall')
    expect(read.getAuthor()).toBe('Ada Example')
    expect(read.getSubject()).toBe('Costs rise & fall')
    expect(read.getKeywords()).toBe('a')
  })
})

describe('bookmark titles', () => {
  it('mends a title Chromium wrote twice (regression: 美国与欧盟…美国与欧盟… in the sample PDF)', () => {
    const headings = new Set(['引言', '美国与欧盟：以合规抬高成本', '谢谢', 'Summary'])
    expect(undoubled('引言引言', headings)).toBe('引言')
    expect(undoubled('美国与欧盟：以合规抬高成本美国与欧盟：以合规抬高成本', headings)).toBe(
      '美国与欧盟：以合规抬高成本',
    )
    expect(undoubled('谢谢', headings)).toBe('谢谢')
    expect(undoubled('Summary', headings)).toBe('Summary')
    const titles = new Set(['Why Cryptocurrency Mining Is Not Viable', 'Summary'])
    expect(mendTitle('Why CryptocurrencyMining Is Not Viable', titles)).toBe('Why Cryptocurrency Mining Is Not Viable')
    expect(mendTitle('Summary', titles)).toBe('Summary')
    expect(mendTitle('Other', titles)).toBe('Other')
  })
})
