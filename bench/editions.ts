// The briefs of a content folder as single markdown texts, one per edition, for the tools the corpus
// bench compares briefkit with (Pandoc, md-to-pdf), which take one document per file.
import fs from 'node:fs'
import path from 'node:path'
import { parse as parseYaml } from 'yaml'

/** One edition of a brief as a single document: what Pandoc and md-to-pdf are given. */
export interface EditionText {
  /** `<slug>-<lang>`, unique in the corpus. */
  name: string
  lang: string
  title: string
  /** The brief's bibliography (an English edition shares its brief's). */
  bibliography: string
  /** The text below the title: summary, key findings, introduction, each argument with its claim, conclusion. */
  body: string
}

/** A markdown file's YAML front matter (parsed) and the text after it. */
export function splitFrontMatter(text: string): { meta: Record<string, unknown>; body: string } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text)
  if (!match) return { meta: {}, body: text }
  const meta = parseYaml(match[1] ?? '') as unknown
  return {
    meta: meta && typeof meta === 'object' ? (meta as Record<string, unknown>) : {},
    body: text.slice(match[0].length),
  }
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '')

/**
 * An edition's files as one document, in reading order: what briefkit puts on the brief's page,
 * written as plain markdown (arguments and the conclusion as `##` sections).
 */
export function joinEdition(brief: string, args: readonly string[], conclusion: string | undefined) {
  const { meta, body } = splitFrontMatter(brief)
  const findings = Array.isArray(meta['keyFindings']) ? meta['keyFindings'].map(text) : []
  const parts = [text(meta['summary']), findings.map((f) => `- ${f}`).join('\n'), body.trim()]
  for (const arg of args) {
    const { meta: argMeta, body: argBody } = splitFrontMatter(arg)
    parts.push(`## ${text(argMeta['title'])}`, `**${text(argMeta['claim'])}**`, argBody.trim())
  }
  if (conclusion !== undefined) {
    const { meta: endMeta, body: endBody } = splitFrontMatter(conclusion)
    parts.push(`## ${text(endMeta['title'])}`, endBody.trim())
  }
  return {
    title: text(meta['title']),
    lang: text(meta['lang']),
    body: `${parts.filter((p) => p !== '').join('\n\n')}\n`,
  }
}

/** Every edition of every brief in a corpus folder (`bench/corpus.ts`: `<slug>/` in Chinese, `<slug>/en/` in English). */
export function corpusEditions(contentDir: string): EditionText[] {
  const editions: EditionText[] = []
  const slugs = fs
    .readdirSync(contentDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(contentDir, d.name, 'brief.md')))
    .map((d) => d.name)
    .sort()
  for (const slug of slugs) {
    const dir = path.join(contentDir, slug)
    for (const edition of [dir, path.join(dir, 'en')]) {
      if (!fs.existsSync(path.join(edition, 'brief.md'))) continue
      const read = (file: string) => fs.readFileSync(path.join(edition, file), 'utf8')
      const argsDir = path.join(edition, 'arguments')
      const args = fs.existsSync(argsDir)
        ? fs
            .readdirSync(argsDir)
            .filter((f) => f.endsWith('.md'))
            .sort()
            .map((f) => read(path.join('arguments', f)))
        : []
      const conclusion = fs.existsSync(path.join(edition, 'conclusion.md')) ? read('conclusion.md') : undefined
      const joined = joinEdition(read('brief.md'), args, conclusion)
      editions.push({ name: `${slug}-${joined.lang}`, ...joined, bibliography: path.join(dir, 'references.bib') })
    }
  }
  return editions
}

/** The document as Pandoc reads it: title and language as metadata, so `-s` and citeproc use them. */
export function pandocText(edition: EditionText): string {
  return `---\ntitle: ${JSON.stringify(edition.title)}\nlang: ${edition.lang}\n---\n\n${edition.body}`
}

/** The document as md-to-pdf reads it: no front matter (md-to-pdf takes it as its own options), the title as a heading. */
export function mdToPdfText(edition: EditionText): string {
  return `# ${edition.title}\n\n${edition.body}`
}
