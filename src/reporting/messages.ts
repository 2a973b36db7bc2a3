import type { Point, Position } from 'unist'
import type { VFile } from 'vfile'

/** Where a message points: a position, a point, or nothing (start of file). */
export type Place = Position | Point | undefined

/** Report a content error on a file, with a rule id and an optional hint. */
export function reportError(file: VFile, reason: string, place: Place, ruleId: string, hint?: string): void {
  const message = file.message(reason, { place, ruleId, source: 'briefkit' })
  message.fatal = true
  if (hint) message.note = hint
}

/** Report a content warning on a file. */
export function reportWarning(file: VFile, reason: string, place: Place, ruleId: string, hint?: string): void {
  const message = file.message(reason, { place, ruleId, source: 'briefkit' })
  message.fatal = false
  if (hint) message.note = hint
}

/** Whether any message on these files is an error. */
export function hasErrors(files: Iterable<VFile>): boolean {
  for (const file of files) if (file.messages.some((m) => m.fatal === true)) return true
  return false
}
