import fs from 'node:fs/promises'
import { BriefkitError, environmentError } from '../reporting/errors.ts'
import { track, untrack } from './leftovers.ts'

/**
 * Take the out dir's lock (`<out>.briefkit-lock`, holding this process's id) so that no other build
 * writes the same out dir at the same time; returns the function that gives it back. A lock left by
 * a process that no longer runs is taken over. Another build holding it is a BriefkitError.
 */
export async function lockOutDir(outDir: string): Promise<() => Promise<void>> {
  const file = `${outDir}.briefkit-lock`
  for (let attempt = 0; ; attempt++) {
    try {
      await fs.writeFile(file, `${process.pid}\n`, { flag: 'wx' })
      track(file)
      return async () => {
        untrack(file)
        await fs.rm(file, { force: true })
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        // Note: on a full disk the file is made but its process id cannot be written into it.
        await fs.rm(file, { force: true }).catch(() => undefined)
        throw environmentError(error, 'lock the out dir with', file)
      }
    }
    const holder = Number.parseInt(await fs.readFile(file, 'utf8').catch(() => ''), 10)
    if (attempt === 0 && !isRunning(holder)) {
      await fs.rm(file, { force: true })
      continue
    }
    throw new BriefkitError(
      `Another briefkit build${Number.isInteger(holder) ? ` (process ${holder})` : ''} is writing \`${outDir}\``,
      {
        hint: `Wait for it to finish, or build into another out dir with \`--out\`. If no build is running, remove \`${file}\`.`,
      },
    )
  }
}

/** Whether a process with this id runs (one of another user counts). */
function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
