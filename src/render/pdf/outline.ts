import { ParseSpeeds, PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFString } from '@pdfme/pdf-lib'

/** One bookmark of a PDF: its title, the page it opens (1-based) and its depth. */
export interface Bookmark {
  title: string
  page: number
  depth: number
}

/**
 * Parse a PDF for reading and rewriting. Note: at full speed; pdf-lib's default yields every 100
 * objects, which made this 3× slower.
 */
export function loadPdf(pdf: Uint8Array): Promise<PDFDocument> {
  return PDFDocument.load(pdf, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest })
}

/** Read a PDF's bookmarks (its outline), in order, with doubled titles of `headings` mended. */
export async function readBookmarks(pdf: Uint8Array, headings?: ReadonlySet<string>): Promise<Bookmark[]> {
  return bookmarksOf(await loadPdf(pdf), headings)
}

/** The bookmarks of a parsed PDF (see `readBookmarks`); reading leaves the document as it was. */
export function bookmarksOf(doc: PDFDocument, headings?: ReadonlySet<string>): Bookmark[] {
  const pageIndex = new Map(doc.getPages().map((page, i) => [page.ref.toString(), i + 1]))
  const bookmarks: Bookmark[] = []
  walkOutline(doc, (node, depth) => {
    const title = node.lookupMaybe(PDFName.of('Title'), PDFString, PDFHexString)?.decodeText() ?? ''
    const dest =
      node.lookupMaybe(PDFName.of('Dest'), PDFArray) ??
      node.lookupMaybe(PDFName.of('A'), PDFDict)?.lookupMaybe(PDFName.of('D'), PDFArray)
    const target = dest?.get(0)
    const page = target instanceof PDFRef ? pageIndex.get(target.toString()) : undefined
    if (page !== undefined) bookmarks.push({ title: mendTitle(title, headings).trim(), page, depth })
  })
  return bookmarks
}

/**
 * Mend bookmark titles Chromium gets wrong (Chromium 156): it writes some twice (`引言引言`, for a
 * heading at the top of a page in some layouts) and drops the space where a heading wraps
 * (`Mining IsNot Viable`). A title is mended only into one of the document's headings.
 */
export function repairOutline(doc: PDFDocument, headings: ReadonlySet<string>): void {
  walkOutline(doc, (node) => {
    const title = node.lookupMaybe(PDFName.of('Title'), PDFString, PDFHexString)?.decodeText()
    if (title === undefined) return
    const mended = mendTitle(title, headings)
    if (mended !== title) node.set(PDFName.of('Title'), PDFHexString.fromText(mended))
  })
}

/** The heading a bookmark title stands for: as it is, without a doubling, or with its spaces back. */
export function mendTitle(title: string, headings?: ReadonlySet<string>): string {
  const once = undoubled(title, headings)
  if (!headings || headings.has(once.trim())) return once
  const compact = (text: string) => text.replace(/\s+/g, '')
  const spaced = [...headings].find((heading) => compact(heading) === compact(once))
  return spaced ?? once
}

/** `引言引言` → `引言` when `引言` is a heading and `引言引言` is not; anything else as it is. */
export function undoubled(title: string, headings?: ReadonlySet<string>): string {
  const half = title.length / 2
  if (!Number.isInteger(half) || half === 0 || title.slice(0, half) !== title.slice(half)) return title
  const once = title.slice(0, half)
  if (headings && (headings.has(title.trim()) || !headings.has(once.trim()))) return title
  return once
}

function walkOutline(doc: PDFDocument, visit: (node: PDFDict, depth: number) => void): void {
  const walk = (item: PDFDict | undefined, depth: number): void => {
    for (let node = item; node; node = node.lookupMaybe(PDFName.of('Next'), PDFDict)) {
      visit(node, depth)
      walk(node.lookupMaybe(PDFName.of('First'), PDFDict), depth + 1)
    }
  }
  walk(doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict)?.lookupMaybe(PDFName.of('First'), PDFDict), 0)
}
