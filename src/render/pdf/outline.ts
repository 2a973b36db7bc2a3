import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFString } from 'pdf-lib'

/** One bookmark of a PDF: its title, the page it opens (1-based) and its depth. */
export interface Bookmark {
  title: string
  page: number
  depth: number
}

/** Read a PDF's bookmarks (its outline), in order. */
export async function readBookmarks(pdf: Uint8Array): Promise<Bookmark[]> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false })
  const pageIndex = new Map(doc.getPages().map((page, i) => [page.ref.toString(), i + 1]))
  const outlines = doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict)
  const bookmarks: Bookmark[] = []
  const walk = (item: PDFDict | undefined, depth: number): void => {
    for (let node = item; node; node = node.lookupMaybe(PDFName.of('Next'), PDFDict)) {
      const title = node.lookupMaybe(PDFName.of('Title'), PDFString, PDFHexString)?.decodeText() ?? ''
      const dest = node.lookupMaybe(PDFName.of('Dest'), PDFArray)
        ?? node.lookupMaybe(PDFName.of('A'), PDFDict)?.lookupMaybe(PDFName.of('D'), PDFArray)
      const target = dest?.get(0)
      const page = target instanceof PDFRef ? pageIndex.get(target.toString()) : undefined
      if (page !== undefined) bookmarks.push({ title: title.trim(), page, depth })
      walk(node.lookupMaybe(PDFName.of('First'), PDFDict), depth + 1)
    }
  }
  walk(outlines?.lookupMaybe(PDFName.of('First'), PDFDict), 0)
  return bookmarks
}
