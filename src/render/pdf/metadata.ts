import type { PDFDocument } from '@pdfme/pdf-lib'
import { metaText } from '../../pipeline/plain-text.ts'
import { loadPdf, repairOutline } from './outline.ts'

/** What a PDF says about itself. */
export interface PdfMetadata {
  /** As written in front matter: any markup is dropped here. */
  title: string
  authors: string[]
  /** Plain text already (see `plainText`). */
  subject: string
  keywords: string[]
  /** BCP 47, e.g. zh-CN. */
  language: string
  /** Creation and modification date: SOURCE_DATE_EPOCH when set, so builds are reproducible. */
  date: Date
  /** The document's headings, to mend bookmarks by. */
  headings: ReadonlySet<string>
}

/**
 * Set title, author, subject, keywords, language and dates, and mend the bookmarks. pdf-lib
 * rewrites the file but keeps the catalog's structure tree and outline, so tags and bookmarks survive.
 * Takes the PDF's bytes, or the document already parsed from them (see `loadPdf`), which it changes.
 */
export async function setMetadata(pdf: Uint8Array | PDFDocument, meta: PdfMetadata): Promise<Uint8Array> {
  const doc = pdf instanceof Uint8Array ? await loadPdf(pdf) : pdf
  repairOutline(doc, meta.headings)
  doc.setTitle(metaText(meta.title), { showInWindowTitleBar: true })
  doc.setAuthor(meta.authors.map(metaText).join(', '))
  doc.setSubject(meta.subject)
  doc.setKeywords(meta.keywords.map(metaText))
  doc.setLanguage(meta.language)
  doc.setCreator('briefkit')
  doc.setProducer('briefkit with Chromium and pdf-lib')
  doc.setCreationDate(meta.date)
  doc.setModificationDate(meta.date)
  return doc.save({ useObjectStreams: false, objectsPerTick: Infinity })
}

/** The date to stamp PDFs with: SOURCE_DATE_EPOCH (seconds) when set, else now. */
export function buildDate(env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = Number(env['SOURCE_DATE_EPOCH'])
  return env['SOURCE_DATE_EPOCH'] && Number.isFinite(epoch) ? new Date(epoch * 1000) : new Date()
}
