import * as cheerio from 'cheerio'

/** What a clean page of the same layout holds, so that the theme's own scripts and handlers are allowed. */
export interface PageBaseline {
  scripts: Set<string>
  handlers: Set<string>
  embeds: number
}

// Note: elements that load or run something, or change where the page's links go.
const embedSelector = 'iframe, frame, frameset, object, embed, applet, base, meta[http-equiv], portal'
const urlAttributes = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'background', 'srcdoc']
const liveUrl = /^(?:javascript|vbscript|data:text\/html)/

function scriptSignature($: cheerio.CheerioAPI, el: Parameters<cheerio.CheerioAPI>[0]): string {
  const src = $(el).attr('src')
  return src === undefined ? `inline type=${$(el).attr('type') ?? ''}` : `src=${src}`
}

function handlers($: cheerio.CheerioAPI): string[] {
  const found: string[] = []
  $('*').each((_, el) => {
    if (el.type !== 'tag' && el.type !== 'script' && el.type !== 'style') return
    for (const [name, value] of Object.entries(el.attribs)) {
      if (/^on/i.test(name)) found.push(`<${el.tagName} ${name}="${value}">`)
    }
  })
  return found
}

/** The scripts, event handlers and embeds of a clean page. */
export function baselineOf(html: string): PageBaseline {
  const $ = cheerio.load(html)
  return {
    scripts: new Set(
      $('script')
        .map((_, el) => scriptSignature($, el))
        .get(),
    ),
    handlers: new Set(handlers($)),
    embeds: $(embedSelector).length,
  }
}

/** A page as HTML, or already parsed (to parse it once for both checks). */
export type PageInput = string | cheerio.CheerioAPI

const parsed = (page: PageInput) => (typeof page === 'string' ? cheerio.load(page) : page)

/** Everything in a page that could run script and is not the theme's own: each a short description. */
export function liveScript(page: PageInput, baseline: PageBaseline): string[] {
  const $ = parsed(page)
  const leaks: string[] = []
  $('script').each((_, el) => {
    const signature = scriptSignature($, el)
    if (!baseline.scripts.has(signature)) leaks.push(`script ${signature}: ${$(el).text().slice(0, 80)}`)
    // Note: content that closes the JSON-LD script early shows as JSON that no longer parses.
    if ($(el).attr('type') === 'application/ld+json') {
      try {
        JSON.parse($(el).text())
      } catch {
        leaks.push(`JSON-LD that does not parse: ${$(el).text().slice(0, 80)}`)
      }
    }
  })
  for (const handler of handlers($)) if (!baseline.handlers.has(handler)) leaks.push(`handler ${handler.slice(0, 120)}`)
  $('*').each((_, el) => {
    if (el.type !== 'tag') return
    for (const name of urlAttributes) {
      const value = el.attribs[name]
      // Note: browsers drop ASCII whitespace and control characters inside a URL's scheme.
      if (value !== undefined && liveUrl.test(value.replace(/[\u0000-\u0020]/g, '').toLowerCase())) {
        leaks.push(`<${el.tagName} ${name}="${value.slice(0, 80)}">`)
      }
    }
  })
  const embeds = $(embedSelector)
  if (embeds.length > baseline.embeds)
    leaks.push(
      `embeds: ${embeds
        .map((_, el) => $.html(el).slice(0, 80))
        .get()
        .join(' ')}`,
    )
  return leaks
}

/**
 * Text of the page outside code, scripts and styles that still holds `[@`: a citation neither linked nor
 * reported. Note: it removes those elements from a parsed page.
 */
export function rawCitations(page: PageInput): string[] {
  const $ = parsed(page)
  $('script, style, code, pre, template').remove()
  const text = $.root().text()
  const found: string[] = []
  // Note: ` >>` marks where the `[@` starts, so that a known bug can be told by what follows it.
  for (const match of text.matchAll(/\[@/g)) {
    found.push(
      `${text.slice(Math.max(0, match.index - 30), match.index)} >>${text.slice(match.index, match.index + 40)}`.replace(
        /\s+/g,
        ' ',
      ),
    )
  }
  return found
}
