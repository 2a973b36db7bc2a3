/**
 * Words a compiled brief's HTML holds that are the theme's to choose (the footnotes' heading, the
 * labels of links back, "Figure 1" / "图 1"): the pipeline knows no theme, so it leaves a slot for
 * each, and pages fill the slots with the theme's words in their language when they are rendered.
 */
export type LabelName =
  | 'footnotes'
  | 'backToContent'
  | 'citedAt'
  /** A cross-reference: "Figure {n}", "Table {n}", "Section {n}". */
  | 'figure'
  | 'table'
  | 'section'
  /** The label that starts a caption: "Figure {n}." / "图 {n}". */
  | 'figureCaption'
  | 'tableCaption'
  /** "Source:" before a figure's source, "Data" on a chart's data table. */
  | 'source'
  | 'data'

/**
 * The title words of an objection and a response in an argument's text: "Objection" / "反对意见",
 * "Response" / "回应" (plugins/remark-objections.ts).
 */
export type ArgumentLabelName = 'objection' | 'response'

// Note: render/html/layout.ts keeps a fallback word for each `LabelName`, typed as a complete record;
// these names stay a union of their own, with their fallback here, until that table names them too.
const argumentWords: Record<ArgumentLabelName, string> = { objection: 'Objection', response: 'Response' }

// Note: a private-use character, which no theme word and no markdown construct produces around a name.
const edge = '\uE000'
const slots = /\uE000([A-Za-z]+)(?:\|([0-9.]+))?\uE000/g

/** The slot for a label in compiled HTML; `n` fills the word's `{n}` (a figure's number). */
export function labelSlot(name: LabelName | ArgumentLabelName, n?: string): string {
  return `${edge}${name}${n === undefined ? '' : `|${n}`}${edge}`
}

/** The HTML with every label slot replaced by its word, escaped for text and attribute values alike. */
export function fillLabels(html: string, word: (name: LabelName) => string): string {
  return html.replace(slots, (slot, name: string, n: string | undefined) => {
    const text = isLabelName(name)
      ? word(name)
      : isArgumentLabelName(name)
        ? // Note: the caller looks the name up in the theme's strings, which have these words too.
          ((word as (name: string) => string | undefined)(name) ?? argumentWords[name])
        : undefined
    if (text === undefined) return slot
    return escapeHtml(n === undefined ? text : text.replace(/\{n\}/g, n))
  })
}

const names = new Set<string>([
  'footnotes',
  'backToContent',
  'citedAt',
  'figure',
  'table',
  'section',
  'figureCaption',
  'tableCaption',
  'source',
  'data',
] satisfies LabelName[])

function isLabelName(name: string): name is LabelName {
  return names.has(name)
}

function isArgumentLabelName(name: string): name is ArgumentLabelName {
  return Object.hasOwn(argumentWords, name)
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;')
}
