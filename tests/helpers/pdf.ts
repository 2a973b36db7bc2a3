import { execFileSync } from 'node:child_process'

/** `pdfinfo` as a record: Title, Author, Pages, Tagged … */
export function pdfInfo(file: string, extra: string[] = []): Record<string, string> {
  const out = execFileSync('pdfinfo', [...extra, file], { encoding: 'utf8' })
  return Object.fromEntries(
    out
      .split('\n')
      .filter((l) => l.includes(':'))
      .map((l) => {
        const at = l.indexOf(':')
        return [l.slice(0, at).trim(), l.slice(at + 1).trim()]
      }),
  )
}

/** `pdffonts` rows: name, type, embedded. */
export function pdfFonts(file: string): Array<{ name: string; type: string; embedded: boolean }> {
  const lines = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean)
  return lines.map((line) => {
    const m = /^(\S+)\s+(.+?)\s{2,}(\S+)\s+(yes|no)\s+(yes|no)\s+(yes|no)/.exec(line)
    return { name: m?.[1] ?? line, type: m?.[2] ?? '', embedded: m?.[4] === 'yes' }
  })
}

/** The text of a PDF, or of one page of it, from `pdftotext`. */
export function pdfText(file: string, page?: number): string {
  const range = page ? ['-f', String(page), '-l', String(page)] : []
  return execFileSync('pdftotext', [...range, file, '-'], { encoding: 'utf8' })
}

/** Every bookmark title, depth first, from `qpdf --json`. */
export function pdfBookmarks(file: string): string[] {
  const json = JSON.parse(execFileSync('qpdf', ['--json', '--json-key=outlines', file], { encoding: 'utf8' })) as {
    outlines: Outline[]
  }
  const titles: string[] = []
  const walk = (items: Outline[]) =>
    items.forEach((item) => {
      titles.push(item.title)
      walk(item.kids)
    })
  walk(json.outlines)
  return titles
}

interface Outline {
  title: string
  kids: Outline[]
}

/** The link annotations of a PDF, from `qpdf --json`: each a URI, or `#` for a link within the document. */
export function pdfLinks(file: string): string[] {
  const json = JSON.parse(execFileSync('qpdf', ['--json=1', '--json-key=objects', file], { encoding: 'utf8' })) as {
    objects: Record<string, unknown>
  }
  return Object.values(json.objects).flatMap((object) => {
    const link = object as { '/Subtype'?: string; '/Dest'?: unknown; '/A'?: { '/URI'?: string; '/D'?: unknown } }
    if (link['/Subtype'] !== '/Link') return []
    if (link['/Dest'] !== undefined || link['/A']?.['/D'] !== undefined) return ['#']
    return [String(link['/A']?.['/URI'] ?? '').replace(/^u:/, '')]
  })
}
