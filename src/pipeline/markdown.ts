import type { Root as HastRoot } from 'hast'
import type { Root as MdastRoot } from 'mdast'
import { toString as mdastText } from 'mdast-util-to-string'
import rehypeRaw from 'rehype-raw'
import rehypeSanitize from 'rehype-sanitize'
import rehypeShiftHeading from 'rehype-shift-heading'
import rehypeSlug from 'rehype-slug'
import rehypeStringify from 'rehype-stringify'
import remarkRehype from 'remark-rehype'
import { unified } from 'unified'
import type { VFile } from 'vfile'
import { contentSchema } from '../core/sanitize.ts'
import { rehypeCitations } from '../plugins/rehype-citations.ts'
import { rehypeFootnoteLabel } from '../plugins/rehype-footnote-label.ts'
import { rehypePresentation } from '../plugins/rehype-presentation.ts'
import { rehypeUnwrapParagraph } from '../plugins/rehype-unwrap-paragraph.ts'
import { remarkCallouts } from '../plugins/remark-callouts.ts'
import { remarkCitations } from '../plugins/remark-citations.ts'
import { remarkCjkLineBreaks } from '../plugins/remark-cjk-line-breaks.ts'
import { remarkComments } from '../plugins/remark-comments.ts'
import { remarkFigures } from '../plugins/remark-figures.ts'
import { remarkHeadingIds } from '../plugins/remark-heading-ids.ts'
import { remarkImages } from '../plugins/remark-images.ts'
import { remarkNowrapUnits } from '../plugins/remark-nowrap-units.ts'
import { remarkObjections } from '../plugins/remark-objections.ts'
import { remarkRawHtml } from '../plugins/remark-raw-html.ts'
import { remarkSmartPunctuation } from '../plugins/remark-smart-punctuation.ts'
import { remarkStats } from '../plugins/remark-stats.ts'
import { remarkTableCaptions } from '../plugins/remark-table-captions.ts'
import { readChart } from './chart-source.ts'

/** Options for the transforms that need to know about the brief. */
export interface TransformOptions {
  /** Bibliography keys a citation may use; undefined when the bibliography could not be read. */
  citationKeys: ReadonlySet<string> | undefined
  /** The content folder; images may not leave it. */
  contentDir: string
  /** PDFs are being made: warn about what they will leave out. */
  pdf: boolean
  /** The brief's language (`lang:`): Chinese keeps numbers with their units on one line. */
  lang: string
  /** The id of the argument whose text this is: its objections get ids from it and go into the map. */
  argument?: string | undefined
}

/**
 * Check and rewrite the mdast of one unit: raw HTML checked, comments dropped, big numbers, objections
 * and responses (on `file.data.objections`), callouts,
 * local images (collected on `file.data.assets`), figures, charts and captioned tables (their targets
 * on `file.data.targets`), heading ids, citations (on `file.data.citations`) and cross-references,
 * line breaks between Chinese characters, numbers kept with their units and dates whole on one line.
 * Problems become messages on `file`.
 */
export function transformMarkdown(tree: MdastRoot, file: VFile, options: TransformOptions): MdastRoot {
  const processor = unified()
    .use(remarkRawHtml)
    .use(remarkComments)
    .use(remarkStats)
    // Note: before callouts, which take every other container directive for an unknown one.
    .use(remarkObjections, { argument: options.argument })
    .use(remarkCallouts)
    .use(remarkImages, { contentDir: options.contentDir, warnRemote: options.pdf })
    // Note: figures, captions and heading ids read their text as written, so before citations.
    .use(remarkFigures, { readChart: (spec) => readChart(spec, options.contentDir) })
    .use(remarkTableCaptions)
    .use(remarkHeadingIds)
    .use(remarkCitations, { keys: options.citationKeys })
    // Note: last, so that the citations plugin still sees text exactly as in the source.
    .use(remarkCjkLineBreaks)
    // Note: after the line breaks are dropped, which it would otherwise have to see across its spans.
    .use(remarkNowrapUnits, { lang: options.lang })
  return processor.runSync(tree, file) as MdastRoot
}

/** `en`, `en-GB`, `EN-us`: a BCP 47 tag whose language is English. */
export function isEnglish(lang: string): boolean {
  return /^en(?:-|$)/i.test(lang)
}

/**
 * A plain-text field (a title) with the punctuation its language's text gets: in English curly
 * quotes, dashes and ellipses (`"Why" -- now` → `“Why” – now`); in any other language as written.
 */
export function smartText(text: string, lang: string): string {
  const tree: MdastRoot = { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', value: text }] }] }
  return isEnglish(lang) ? mdastText(typesetMarkdown(tree, lang)) : text
}

/**
 * The typography of one transformed unit, in its language: English gets curly quotes and
 * apostrophes, en and em dashes and ellipses (remark-smart-punctuation); Chinese text has its “”
 * typed and stays as it is. Run after the lints: they find their places by walking a text's value
 * along its source, which typed `"` and `--` would no longer match.
 */
export function typesetMarkdown(tree: MdastRoot, lang: string): MdastRoot {
  if (!isEnglish(lang)) return tree
  return unified().use(remarkSmartPunctuation).runSync(tree) as MdastRoot
}

/** Options for turning a unit's mdast into HTML. */
export interface HtmlOptions {
  /** Prefix for heading and footnote ids, so units on one page never clash. */
  idPrefix: string
  /** Heading of the footnotes section, in the page's language. */
  footnoteLabel: string
  /** Accessible label of a footnote's back link, in the page's language. */
  footnoteBackLabel: string
  /** A one-paragraph fragment (summary, key finding, claim) loses its `<p>`. */
  inline?: boolean
  /** For a fragment shown on another page: the brief page's path, put before `#ref-…` links. */
  linkBase?: string
}

/**
 * mdast → sanitized HTML. Stages, in order:
 * 1. remark-rehype keeps raw HTML so that 2. rehype-raw can parse it, and
 * 3. rehype-sanitize drops scripts, event handlers and `javascript:` URLs from everything the author wrote;
 * 4. rehype-citations then puts the rendered citations (from citeproc) in their placeholders
 *    and the footnotes heading gets an id of its unit,
 * 5. headings move one level down (the page title is the only h1) and 6. get ids.
 * Inline fragments then drop their single paragraph.
 */
export function markdownToHtml(tree: MdastRoot, file: VFile, options: HtmlOptions): string {
  const processor = unified()
    .use(remarkRehype, {
      allowDangerousHtml: true,
      clobberPrefix: `${options.idPrefix}`,
      footnoteLabel: options.footnoteLabel,
      footnoteBackLabel: options.footnoteBackLabel,
      // Note: ↑, not the default ↩, which the Noto fonts the PDF is set in do not have.
      footnoteBackContent: '↑',
    })
    .use(rehypeRaw)
    .use(rehypeSanitize, contentSchema)
    .use(rehypePresentation)
    .use(rehypeCitations, { linkBase: options.linkBase ?? '' })
    .use(rehypeFootnoteLabel, { prefix: options.idPrefix })
    .use(rehypeShiftHeading, { shift: 1 })
    .use(rehypeSlug, { prefix: options.idPrefix })
    .use(options.inline ? [rehypeUnwrapParagraph] : [])
    .use(rehypeStringify)
  const hast = processor.runSync(tree, file) as HastRoot
  return processor.stringify(hast, file)
}
