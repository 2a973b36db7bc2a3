import fs from 'node:fs'
import path from 'node:path'

/**
 * Tidy up after a build this process is leaving unfinished: remove its staging folder beside the
 * out dir, and put the old out dir back if the build had moved it aside but not yet swapped the new
 * one in. Only this process's folders: their names carry its pid (see `writeAtomically`).
 */
export function removeOwnStaging(outDir: string): void {
  const target = path.resolve(outDir)
  const parent = path.dirname(target)
  const own = (kind: string) => (name: string) => name.startsWith(`${path.basename(target)}.briefkit-${kind}-${process.pid}-`)
  let names: string[]
  try {
    names = fs.readdirSync(parent)
  } catch {
    return
  }
  for (const name of names.filter(own('tmp'))) fs.rmSync(path.join(parent, name), { recursive: true, force: true })
  const old = names.find(own('old'))
  if (!old) return
  if (fs.existsSync(target)) fs.rmSync(path.join(parent, old), { recursive: true, force: true })
  else fs.renameSync(path.join(parent, old), target)
}
