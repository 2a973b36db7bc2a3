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
