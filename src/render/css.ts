/** A CSS string literal, safe inside a `<style>` element: `"…"` with quotes, backslashes, newlines and `<` escaped. */
export function cssString(value: string): string {
  return `"${value.replace(/["\\<\n\r]/g, (c) => `\\${c.charCodeAt(0).toString(16).toUpperCase()} `)}"`
}

/** CSS `content` for a page label such as `Page {n} of {total}`: strings joined with page counters. */
export function pageCounterContent(template: string): string {
  return template
    .split(/(\{n\}|\{total\})/)
    .filter((part) => part !== '')
    .map((part) => (part === '{n}' ? 'counter(page)' : part === '{total}' ? 'counter(pages)' : cssString(part)))
    .join(' ')
}
