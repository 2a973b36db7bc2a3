import fs from 'node:fs'
import path from 'node:path'
import { closest } from 'fastest-levenshtein'
import { VFile } from 'vfile'
import type { ResolvedConfig } from '../config/resolve.ts'
import { isInside, isPresent, resolveInside } from '../core/confined.ts'
import {
  type ArgumentMeta,
  argumentSchema,
  type BriefMeta,
  briefSchema,
  type ConclusionMeta,
  conclusionSchema,
} from '../core/front-matter.ts'
import { reportError } from '../reporting/messages.ts'
import { checkArgumentIds, withArgumentId } from './argument-id.ts'
import { type Bibliography, findBibliography, loadBibliography } from './bibliography.ts'
import type { BriefLocation } from './discover.ts'
import { type MarkdownDoc, readMarkdown } from './markdown-file.ts'
import type { Parse } from './parse.ts'

/** Every file of one edition of a brief, read and validated. */
export interface BriefSource {
  location: BriefLocation
  brief: MarkdownDoc<BriefMeta>
  arguments: MarkdownDoc<ArgumentMeta>[]
  conclusion: MarkdownDoc<ConclusionMeta> | undefined
  bibliography: Bibliography
}

/**
 * Read one brief's files. Returns the source (undefined only when brief.md itself is unusable;
 * files that failed are left out) and every file that was read, carrying its messages.
 * `parse` turns markdown into mdast (the build's keeps trees in its cache).
 */
export function loadBrief(
  location: BriefLocation,
  config: ResolvedConfig,
  parse?: Parse,
): { source: BriefSource | undefined; files: VFile[] } {
  const files: VFile[] = []
  const open = (p: string) => {
    const file = new VFile({ path: p })
    files.push(file)
    return file
  }
  const root = config.contentDir
  const brief = readMarkdown(open(path.join(location.dir, 'brief.md')), briefSchema, 'brief.md', root, parse)
  if (brief) checkLanguage(brief, location, config)

  const argumentDir = path.join(location.dir, 'arguments')
  const args = listArguments(argumentDir, root, open)
    .map((name) => readMarkdown(open(path.join(argumentDir, name)), argumentSchema, 'argument', root, parse))
    .filter((doc) => doc !== undefined)
    .map(withArgumentId)
  for (const doc of args) checkKind(doc, config)
  checkArgumentIds(args)
  // Note: without `order:` an argument keeps its place in file-name order (1, 2, 3 …).
  const rank = new Map(args.map((doc, i) => [doc, doc.meta.order ?? i + 1]))
  args.sort((a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0))

  const conclusionPath = path.join(location.dir, 'conclusion.md')
  const conclusion = isPresent(conclusionPath)
    ? readMarkdown(open(conclusionPath), conclusionSchema, 'conclusion.md', root, parse)
    : undefined

  const bibPath = brief && findBibliography(location.rootDir, location.dir, brief.meta.bibliography)
  const named = brief?.meta.bibliography
  const outside = named !== undefined && bibPath !== undefined && !isInside(path.resolve(root), bibPath)
  if (brief && named && outside) {
    reportError(
      brief.file,
      `Bibliography \`${named}\` is outside the content folder`,
      brief.yaml.pointAt(['bibliography']),
      'file-outside-content',
      "Keep the bibliography in the brief's folder; the path is relative to brief.md.",
    )
  } else if (brief && named && bibPath && !isPresent(bibPath)) {
    reportError(
      brief.file,
      `Bibliography \`${named}\` not found`,
      brief.yaml.pointAt(['bibliography']),
      'missing-file',
      'The path is relative to brief.md.',
    )
  }
  const bibliography = loadBibliography(bibPath && !outside && isPresent(bibPath) ? bibPath : undefined, root)
  if (bibliography.file) files.push(bibliography.file)

  // Note: a brief whose other files have errors still comes back, so its body is checked too and
  // every problem of a build is reported in one go; the build writes nothing while any error stands.
  return { source: brief && { location, brief, arguments: args, conclusion, bibliography }, files }
}

/**
 * The `.md` files in a brief's `arguments` folder, by name; none when there is no such folder, or
 * when it cannot be read (then an error on a file `open` makes for the folder).
 */
export function listArguments(dir: string, root: string, open: (p: string) => VFile): string[] {
  if (!isPresent(dir)) return []
  const resolved = resolveInside(root, dir, 'directory')
  if (resolved.ok) {
    try {
      return fs
        .readdirSync(resolved.path)
        .filter((f) => f.endsWith('.md'))
        .sort()
    } catch (error) {
      reportError(
        open(dir),
        `Cannot read the \`arguments\` folder (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})`,
        undefined,
        'unreadable-file',
        'Check that it is a folder you can read.',
      )
      return []
    }
  }
  const [reason, hint] =
    resolved.problem === 'outside'
      ? [
          '`arguments` is outside the content folder (through a symlink)',
          "Move the argument files into the brief's own `arguments` folder.",
        ]
      : resolved.problem === 'wrong-type'
        ? ['`arguments` is not a folder', 'Make `arguments` a folder holding one `.md` file per argument.']
        : [
            `Cannot read the \`arguments\` folder (${resolved.code})`,
            'Check that it is a folder you can read, not a broken link.',
          ]
  reportError(
    open(dir),
    reason,
    undefined,
    resolved.problem === 'outside' ? 'file-outside-content' : 'unreadable-file',
    hint,
  )
  return []
}

function checkLanguage(brief: MarkdownDoc<BriefMeta>, location: BriefLocation, config: ResolvedConfig): void {
  const { lang } = brief.meta
  const point = brief.yaml.pointAt(['lang'])
  if (location.translationLang && lang !== location.translationLang) {
    reportError(
      brief.file,
      `\`lang: ${lang}\` does not match the translation folder \`${location.translationLang}\``,
      point,
      'lang-mismatch',
      `Set \`lang: ${location.translationLang}\` or move the translation.`,
    )
  } else if (!config.languages.includes(lang)) {
    reportError(
      brief.file,
      `Language \`${lang}\` is not one of the site's languages`,
      point,
      'unknown-language',
      `Add \`${lang}\` to \`languages:\` in site.yaml (now: ${config.languages.join(', ')}).`,
    )
  }
}

function checkKind(doc: MarkdownDoc<ArgumentMeta>, config: ResolvedConfig): void {
  const allowed = config.argumentKinds.map((k) => k.id)
  if (allowed.includes(doc.meta.kind)) return
  const near = closest(doc.meta.kind, allowed)
  reportError(
    doc.file,
    `Unknown argument kind \`${doc.meta.kind}\``,
    doc.yaml.pointAt(['kind']),
    'unknown-kind',
    `Allowed kinds: ${allowed.map((k) => `\`${k}\``).join(', ')}. Did you mean \`${near}\`? Sites declare their own under \`argumentKinds:\` in site.yaml.`,
  )
}
