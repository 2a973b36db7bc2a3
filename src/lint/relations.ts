import { closest, distance } from 'fastest-levenshtein'
import type { ResolvedConfig } from '../config/resolve.ts'
import type { MarkdownDoc } from '../content/markdown-file.ts'
import type { ArgumentMeta } from '../core/front-matter.ts'
import { type LintUnit, lint } from './lints.ts'

type Config = Pick<ResolvedConfig, 'lint'>
type Doc = MarkdownDoc<ArgumentMeta>

/**
 * The rules of a brief's argument map: `supports:` and `attacks:` naming an argument the brief does
 * not have (`dangling-relation`), arguments supporting each other in a circle (`support-cycle`), an
 * objection with no response (`unanswered-objection`) and a response with no objection right before
 * it (`response-without-objection`). Reads what remark-objections left on each unit.
 */
export function lintRelations(config: Config, args: readonly Doc[], units: readonly LintUnit[]): void {
  lintDangling(config, args)
  lintCycles(config, args)
  for (const { file } of units) {
    for (const objection of file.data.objections ?? []) {
      if (objection.response) continue
      lint(
        config,
        file,
        'unanswered-objection',
        'This objection has no response',
        objection.position?.start,
        'Answer it in a `:::response` block right after it, or say in the text why it does not hold.',
      )
    }
    for (const position of file.data.strayResponses ?? []) {
      lint(
        config,
        file,
        'response-without-objection',
        'A response must follow the objection it answers',
        position?.start,
        'Put it right after its `:::objection` block, with only blank lines between them.',
      )
    }
  }
}

function lintDangling(config: Config, args: readonly Doc[]): void {
  const ids = args.map((doc) => doc.meta.id)
  for (const doc of args) {
    for (const field of ['supports', 'attacks'] as const) {
      doc.meta[field].forEach((target, i) => {
        if (ids.includes(target)) return
        const others = ids.filter((id) => id !== doc.meta.id)
        const near = others.length > 0 ? closest(target, others) : undefined
        // Note: a suggestion only when it is close; else the ids there are, so the writer can pick one.
        const suggestion =
          near !== undefined && distance(target, near) <= Math.max(2, target.length / 2)
            ? `Did you mean \`${near}\`? `
            : others.length > 0
              ? `The other arguments are ${others.map((id) => `\`${id}\``).join(', ')}. `
              : ''
        lint(
          config,
          doc.file,
          'dangling-relation',
          `\`${field}\` names \`${target}\`, which is no argument of this brief`,
          doc.yaml.pointAt([field, i]),
          `${suggestion}An argument's id is its \`id:\`, else its file name without the number (\`01-policy.md\` → \`policy\`).`,
        )
      })
    }
  }
}

/**
 * One circle of `supports:` for each group of arguments that support each other, the shortest through
 * its argument that comes first in reading order, and reported there: fixing it shows the next.
 */
function lintCycles(config: Config, args: readonly Doc[]): void {
  const byId = new Map(args.map((doc) => [doc.meta.id, doc]))
  const next = (id: string) => (byId.get(id)?.meta.supports ?? []).filter((target) => byId.has(target))
  const reported = new Set<string>()
  for (const doc of args) {
    if (reported.has(doc.meta.id)) continue
    const circle = shortestCircle(doc.meta.id, next)
    if (!circle) continue
    const reach = reachable(doc.meta.id, next)
    for (const id of reach) if (reachable(id, next).has(doc.meta.id)) reported.add(id)
    const named = [...circle, doc.meta.id].map((id) => `\`${id}\``).join(' → ')
    lint(
      config,
      doc.file,
      'support-cycle',
      circle.length === 1
        ? `Argument \`${doc.meta.id}\` supports itself`
        : `Arguments support each other in a circle: ${named}`,
      doc.yaml.keyPointAt(['supports']),
      'A claim cannot rest on itself: drop one of these `supports:`, or make it `attacks:` if it argues against.',
    )
  }
}

/** The ids `supports:` leads to from `start`, through any number of arguments. */
function reachable(start: string, next: (id: string) => string[]): Set<string> {
  const seen = new Set<string>()
  const queue = [start]
  for (let i = 0; i < queue.length; i++) {
    for (const target of next(queue[i] as string)) {
      if (seen.has(target)) continue
      seen.add(target)
      queue.push(target)
    }
  }
  return seen
}

/** The shortest path of `supports` from `start` back to it (its ids, `start` first), or undefined. */
function shortestCircle(start: string, next: (id: string) => string[]): string[] | undefined {
  const cameFrom = new Map<string, string>()
  const queue = [start]
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i] as string
    for (const target of next(id)) {
      if (target === start) {
        const path = [id]
        for (let at = id; at !== start; ) {
          at = cameFrom.get(at) as string
          path.unshift(at)
        }
        return path
      }
      if (cameFrom.has(target)) continue
      cameFrom.set(target, id)
      queue.push(target)
    }
  }
  return undefined
}
