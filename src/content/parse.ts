import type { Root } from 'mdast'
import remarkCjkFriendly from 'remark-cjk-friendly'
import remarkDirective from 'remark-directive'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import type { VFile } from 'vfile'
import { type BuildCache, cacheKey } from '../core/cache.ts'
import { blankIntricateParagraphs, blankLongLines, cutDeepContainers, cutDeepNesting } from './limits.ts'

/**
 * The markdown syntax briefkit reads: CommonMark, GFM, YAML front matter, directives, and emphasis
 * that works next to Chinese punctuation (`**重点。**后文`, which plain CommonMark leaves as asterisks).
 */
const parser = unified()
  .use(remarkParse)
  .use(remarkFrontmatter, ['yaml'])
  .use(remarkGfm)
  .use(remarkCjkFriendly)
  .use(remarkDirective)

/**
 * Parse one markdown file into mdast. Never throws on content: lines over `maxLineLength`, and
 * paragraphs once the file's inline parsing would take too long, are parsed as blank; the text
 * stops before a line opening containers past the limits; blocks below `maxDepth` levels cut off, each a problem on `tree.data`
 * (see `reportParseProblems`), so that nothing slow or recursive ever meets them.
 */
export function parseMarkdown(file: VFile): Root {
  const long = blankLongLines(String(file.value ?? ''))
  const deep = cutDeepContainers(long.text)
  const intricate = blankIntricateParagraphs(deep.text)
  const problems = [...long.problems, ...deep.problems, ...intricate.problems]
  const tree = parser.parse(intricate.text)
  const cut = cutDeepNesting(tree)
  if (cut && deep.problems.length === 0) problems.push(cut)
  if (problems.length > 0) tree.data = { ...tree.data, parseProblems: problems }
  return tree
}

/** Turns a markdown file's text into mdast; the build may give one that keeps trees in its cache. */
export type Parse = (file: VFile) => Root

/**
 * A markdown parser that keeps each tree in the build cache, keyed by the file's text: reading
 * the trees of the sample's 14 files back takes ~1 ms, parsing them ~30 ms. Each call returns a
 * fresh tree, so callers may change it.
 */
export function cachedParser(cache: BuildCache): Parse {
  return (file: VFile) => {
    const key = mdastKey(String(file.value ?? ''))
    const hit = cache.readJson('mdast', key, isRoot)
    if (hit) return hit
    const tree = parseMarkdown(file)
    cache.writeJson('mdast', key, tree)
    return tree
  }
}

/** The key of a markdown text's tree in the build cache (`cachedParser`). */
export function mdastKey(text: string): string {
  return cacheKey(['mdast', text])
}

function isRoot(value: unknown): value is Root {
  const root = value as Partial<Root> | null
  return typeof root === 'object' && root !== null && root.type === 'root' && Array.isArray(root.children)
}
