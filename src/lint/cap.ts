import type { VFile } from 'vfile'
import { type Place, reportWarning } from '../reporting/messages.ts'

/** At most this many messages of one rule on one file: past it, more of the same only cost time to read. */
export const maxMessagesPerRule = 100

declare module 'vfile' {
  interface DataMap {
    /** How many messages of each capped rule the file has had. */
    messageCounts: Record<string, number>
  }
}

/**
 * Count a message of `rule` on `file`: true while it is to be reported. The first one past the cap
 * becomes a warning at its place saying that the rest are left out.
 */
export function withinCap(file: VFile, rule: string, place: Place): boolean {
  file.data.messageCounts ??= {}
  const counts = file.data.messageCounts
  const count = (counts[rule] ?? 0) + 1
  counts[rule] = count
  if (count === maxMessagesPerRule + 1) {
    reportWarning(
      file,
      `More \`${rule}\` problems in this file are not listed`,
      place,
      rule,
      `Only the first ${maxMessagesPerRule} are; fix those and check again.`,
    )
  }
  return count <= maxMessagesPerRule
}
