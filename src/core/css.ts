/**
 * A CSS string literal, safe inside a `<style>` element: `"…"` with quotes, backslashes, `<` and
 * every control character escaped (CSS reads a form feed as a newline, which ends a string).
 */
export function cssString(value: string): string {
  return `"${value.replace(/["\\<\u0000-\u001f\u007f]/g, (c) => `\\${c.charCodeAt(0).toString(16).toUpperCase()} `)}"`
}

/** CSS `content` for a page label such as `Page {n} of {total}`: strings joined with page counters. */
export function pageCounterContent(template: string): string {
  return template
    .split(/(\{n\}|\{total\})/)
    .filter((part) => part !== '')
    .map((part) => (part === '{n}' ? 'counter(page)' : part === '{total}' ? 'counter(pages)' : cssString(part)))
    .join(' ')
}

/** Whether a figure's `width="…"` is one a page may set: a percentage from 0 to 100 (`60%`, `62.5%`). */
export function isFigureWidth(value: unknown): value is string {
  return typeof value === 'string' && /^\d{1,3}(\.\d+)?%$/.test(value) && Number.parseFloat(value) <= 100
}
