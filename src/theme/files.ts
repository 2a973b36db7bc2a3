import fs from 'node:fs'
import path from 'node:path'
import { BriefkitError } from '../reporting/errors.ts'

/**
 * The real path of a theme's file, through symlinks, which must be inside the theme's own folder:
 * a theme cannot put `/etc/passwd` in a site by linking to it. Throws a BriefkitError naming the file.
 */
export function themeFile(file: string, themeDir: string): string {
  const real = realpath(file)
  const root = realpath(themeDir)
  const relative = path.relative(root, real)
  if (relative.startsWith('..') || path.isAbsolute(relative)) {
    throw new BriefkitError(`The theme file \`${file}\` leads outside its theme, to \`${real}\``, {
      hint: `A theme's templates, strings, assets and fonts must be files inside its folder (\`${themeDir}\`); copy the file there instead of linking to it.`,
    })
  }
  return real
}

/**
 * Every file under a folder of a theme (its path as named there, not its real one), following
 * symlinks that stay inside the theme. Throws as `themeFile` does for one that does not.
 */
export function themeFilesIn(dir: string, themeDir: string): string[] {
  if (!fs.existsSync(dir)) return []
  const files: string[] = []
  // Note: a link to a folder it is in would be a loop; one to a sibling folder is a second name for it.
  const walk = (folder: string, above: readonly string[]) => {
    const real = themeFile(folder, themeDir)
    if (above.includes(real)) return
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const file = path.join(folder, entry.name)
      const kind = entry.isSymbolicLink() ? fs.statSync(themeFile(file, themeDir)) : entry
      if (kind.isDirectory()) walk(file, [...above, real])
      else if (kind.isFile()) files.push(file)
    }
  }
  walk(dir, [])
  return files.sort()
}

function realpath(file: string): string {
  try {
    return fs.realpathSync(file)
  } catch (error) {
    throw new BriefkitError(
      `Cannot read the theme file \`${file}\` (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
      {
        hint: 'A link in the theme may lead nowhere; fix or remove it.',
        cause: error,
      },
    )
  }
}
