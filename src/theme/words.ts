import type { RootContent } from 'hast'
import { toHtml } from 'hast-util-to-html'
import { h } from 'hastscript'

// Note: Node's full ICU segments Chinese with a dictionary; CSS knows no Chinese words
// (`word-break: auto-phrase` is for Japanese only), so a title's words are found at build time. Made
// on first use: it takes ~12 ms, and `--help` loads this module.
let segmenter: Intl.Segmenter | undefined

const han = /^\p{Script=Han}$/u
/** Characters no line may start with: closing brackets and quotes, and the punctuation after a word. */
const noLineStart = /^[\p{Pe}\p{Pf}，。、：；！？,.:;!?%‰）」』》〉】〕]/u
/** Characters no line may end with: opening brackets and quotes. */
const noLineEnd = /[\p{Ps}\p{Pi}]$/u

/**
 * The unbreakable runs of a title in `lang`, in order: a line may break between two runs, never
 * inside one. A Chinese title is cut into its words (`虚拟货币为什么不能挖矿` → `虚拟`, `货币`,
 * `为什么`, `不能`, `挖矿`); any other language is one run, left to the browser's own line breaking.
 */
export function titleWords(text: string, lang: string): string[] {
  if (!/^zh\b/i.test(lang) || !/\p{Script=Han}/u.test(text)) return text === '' ? [] : [text]
  const runs: string[] = []
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' })
  const segments = [...segmenter.segment(text)].map((s) => s.segment)
  for (const segment of joinSingleCharacters(attachAffixes(segments))) {
    const last = runs.at(-1)
    if (last === undefined || mayBreakBetween(last, segment)) runs.push(segment)
    else runs[runs.length - 1] = last + segment
  }
  return runs
}

/**
 * A title as HTML for a page in `lang` (the `words` filter): escaped, with a `<wbr>` between its
 * words when it is Chinese. The text is unchanged (search indexes and screen readers read the title as
 * written); with `word-break: keep-all` on the title a line breaks only at those `<wbr>`s and spaces.
 */
export function titleWordsHtml(text: string, lang: string): string {
  const children = titleWords(text, lang).flatMap((word, i): RootContent[] => [
    ...(i > 0 ? [h('wbr')] : []),
    { type: 'text', value: word },
  ])
  return toHtml({ type: 'root', children }, { characterReferences: { useNamedReferences: true } })
}

/** Affixes ICU leaves as words of their own (`去|中心|化`): each goes with the word it is bound to. */
const prefixes = new Set([...'去反非超总副准亚被一二三四五六七八九十两'])
const suffixes = new Set([...'化性者率式型度量家员界们'])

/** An affix ICU left on its own, joined to its word: `去|中心|化` → `去中心化`. */
function attachAffixes(segments: readonly string[]): string[] {
  const words: string[] = []
  let prefix = ''
  for (const segment of segments) {
    const previous = words.at(-1)
    if (prefix === '' && prefixes.has(segment)) {
      prefix = segment
    } else if (prefix === '' && suffixes.has(segment) && previous !== undefined && han.test(lastCharacter(previous))) {
      words[words.length - 1] = previous + segment
    } else if (han.test(firstCharacter(segment))) {
      words.push(prefix + segment)
      prefix = ''
    } else {
      words.push(...(prefix === '' ? [] : [prefix]), segment)
      prefix = ''
    }
  }
  return prefix === '' ? words : [...words, prefix]
}

/**
 * A run of one-character words joined into one: ICU's dictionary splits a word it does not know
 * (`比特币`, `挖矿`, `算力`) into single characters.
 */
function joinSingleCharacters(segments: readonly string[]): string[] {
  const words: string[] = []
  let previousSingle = false
  for (const segment of segments) {
    const single = han.test(segment)
    if (single && previousSingle) words[words.length - 1] += segment
    else words.push(segment)
    previousSingle = single
  }
  return words
}

const firstCharacter = (text: string) => [...text][0] ?? ''
const lastCharacter = (text: string) => [...text].at(-1) ?? ''

/**
 * Whether a line may break between two segments of a Chinese title: next to a Chinese character, not
 * before closing or after opening punctuation, not between a number and its unit (`2022年`), and not at
 * a space, where the browser breaks anyway.
 */
function mayBreakBetween(before: string, after: string): boolean {
  if (/\s$/u.test(before) || /^\s/u.test(after)) return false
  if (noLineStart.test(after) || noLineEnd.test(before) || /\d$/u.test(before)) return false
  const end = lastCharacter(before)
  return han.test(end) || han.test(firstCharacter(after)) || noLineStart.test(end)
}
