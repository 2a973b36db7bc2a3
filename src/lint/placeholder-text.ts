import { toString as mdastText } from 'mdast-util-to-string'
import { visit } from 'unist-util-visit'
import type { ResolvedConfig } from '../config/resolve.ts'
import type { BriefSource } from '../content/load-brief.ts'
import { placeholders } from '../content/placeholders.ts'
import { type LintUnit, lint } from './lints.ts'

// Note: as shown, not as written: the body's placeholder has an example in backticks. Every language's
// placeholders are looked for, as a writer may change `lang:` after `briefkit new`.
const shown = [...new Set(Object.values(placeholders).flatMap((words) => Object.values(words)))].map((text) =>
  text.replaceAll('`', ''),
)

/** The placeholder `text` starts with, if any: the scaffold writes each as a whole field or paragraph. */
function placeholderIn(text: string): string | undefined {
  const start = text.replace(/\s+/g, ' ').trimStart()
  return shown.find((placeholder) => start.startsWith(placeholder))
}

const reason = (placeholder: string) => `Placeholder text from \`briefkit new\` left in: “${placeholder}”`
const hint = 'Replace it with the brief’s own words: `briefkit build` refuses a brief with placeholders left in.'

/**
 * The placeholders `briefkit new` writes, left in a brief (`placeholder-text`): in the title,
 * subtitle, authors and titles of brief.md and its parts, at their fields, and in each paragraph or
 * heading of its markdown (summary, key findings, claims, text, recommendations, errata), at its start.
 */
export function lintPlaceholders(
  source: BriefSource,
  config: Pick<ResolvedConfig, 'lint'>,
  units: readonly LintUnit[],
): void {
  const { brief } = source
  const fields = [
    { doc: brief, at: ['title'], text: brief.meta.title },
    { doc: brief, at: ['subtitle'], text: brief.meta.subtitle },
    ...brief.meta.authors.flatMap((author, i) => [
      { doc: brief, at: ['authors', i, 'name'], text: author.name },
      { doc: brief, at: ['authors', i, 'affiliation'], text: author.affiliation },
    ]),
    ...source.arguments.map((doc) => ({ doc, at: ['title'], text: doc.meta.title })),
    ...(source.conclusion ? [{ doc: source.conclusion, at: ['title'], text: source.conclusion.meta.title }] : []),
  ]
  for (const { doc, at, text } of fields) {
    const placeholder = text && placeholderIn(text)
    if (placeholder) {
      lint(config, doc.file, 'placeholder-text', reason(placeholder), doc.yaml.pointAt(at), hint)
    }
  }
  for (const unit of units) {
    visit(unit.tree, ['paragraph', 'heading'], (node) => {
      const placeholder = placeholderIn(mdastText(node))
      if (!placeholder) return
      lint(config, unit.file, 'placeholder-text', reason(placeholder), node.position?.start, hint)
    })
  }
}
