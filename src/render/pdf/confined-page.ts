import fs from 'node:fs/promises'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { HTTPRequest, Page } from 'puppeteer'

/**
 * Let `page` load only files under `root` (and data: URLs): every other request is refused before it
 * leaves the browser. Returns the undo, for the pool hands the page on to the next document.
 * Note: remote images were already reported at their line while compiling (`remote-image`).
 */
export async function confineRequests(page: Page, root: string): Promise<() => void> {
  const allowed = `${pathToFileURL(path.resolve(root)).href}/`
  const guard = (request: HTTPRequest) => {
    const url = request.url()
    void (url.startsWith(allowed) || url.startsWith('data:') ? request.continue() : request.abort('blockedbyclient'))
  }
  await page.setRequestInterception(true)
  page.on('request', guard)
  return () => void page.off('request', guard)
}

/**
 * Load every font the page declares and name those that failed (`family weight style`). A hidden
 * page lays nothing out until asked, so fonts would load only while printing or measuring; one that
 * failed would leave its text to a system font.
 */
export function loadPageFonts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const faces: FontFace[] = []
    document.fonts.forEach((font) => {
      faces.push(font)
    })
    return Promise.all(faces.map((font) => font.load().catch(() => undefined))).then(() =>
      faces.filter((font) => font.status === 'error').map((font) => `${font.family} ${font.weight} ${font.style}`),
    )
  })
}

/**
 * Show a file of the build (under `root`) on a pooled page. A page that already shows a file of
 * the build gets the new document written into it, with a `<base>` of the file's URL so that links
 * and relative URLs resolve as if it were loaded from there, instead of navigating: a navigation
 * cost ~130 ms of CPU here, and a written document reuses the fonts the browser has already
 * decoded from the same URLs.
 */
export async function openFile(page: Page, file: string, root: string, timeout: number): Promise<void> {
  const url = pathToFileURL(file).href
  if (page.url().startsWith(`${pathToFileURL(path.resolve(root)).href}/`)) {
    await page.setContent(withBase(await fs.readFile(file, 'utf8'), url), { waitUntil: 'load', timeout })
  } else {
    await page.goto(url, { waitUntil: 'load', timeout })
  }
}

/** An HTML document with a `<base href>` first in its head. */
function withBase(html: string, url: string): string {
  const base = `<base href="${url.replaceAll('&', '&amp;').replaceAll('"', '&quot;')}">`
  const head = /<head(?:\s[^>]*)?>/i.exec(html)
  return head
    ? html.slice(0, head.index + head[0].length) + base + html.slice(head.index + head[0].length)
    : base + html
}
