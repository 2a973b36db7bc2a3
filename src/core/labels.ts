/**
 * Words a compiled brief's HTML holds that are the theme's to choose (the footnotes' heading, the
 * labels of links back): the pipeline knows no theme, so it leaves a slot for each, and pages fill
 * the slots with the theme's words in their language when they are rendered.
 */
export type LabelName = 'footnotes' | 'backToContent' | 'citedAt'

// Note: a private-use character, which no theme word and no markdown construct produces around a name.
const edge = '\uE000'
const slots = /\uE000(footnotes|backToContent|citedAt)\uE000/g

/** The slot for a label in compiled HTML. */
export function labelSlot(name: LabelName): string {
  return `${edge}${name}${edge}`
}

/** The HTML with every label slot replaced by its word, escaped for text and attribute values alike. */
export function fillLabels(html: string, word: (name: LabelName) => string): string {
  return html.replace(slots, (_, name: LabelName) => escapeHtml(word(name)))
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;')
}
