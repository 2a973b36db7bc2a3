import fs from 'node:fs'
import path from 'node:path'
import { BriefkitError } from '../../reporting/errors.ts'

const systemNames = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome']

/**
 * The Chrome or Chromium to print with: `BRIEFKIT_CHROME`, else Puppeteer's own download when it is
 * there, else one on the PATH. Throws a BriefkitError saying how to get one.
 */
export function findChrome(puppeteerPath: () => string): string {
  const fromEnv = process.env['BRIEFKIT_CHROME']
  if (fromEnv) {
    if (isExecutable(fromEnv)) return fromEnv
    throw new BriefkitError(`BRIEFKIT_CHROME points at \`${fromEnv}\`, which is not an executable file`, {
      hint: 'Set it to the path of a Chrome or Chromium binary, or unset it.',
    })
  }
  try {
    const managed = puppeteerPath()
    if (isExecutable(managed)) return managed
  } catch {
    // Note: Puppeteer throws when its browser was never downloaded; a system browser will do.
  }
  for (const dir of (process.env['PATH'] ?? '').split(path.delimiter)) {
    for (const name of systemNames) {
      const candidate = path.join(dir, name)
      if (isExecutable(candidate)) return candidate
    }
  }
  throw new BriefkitError('Chromium not found: PDFs need Chrome or Chromium', {
    hint:
      'Install it (Debian: `apt-get install chromium`), run `npx puppeteer browsers install chrome`, ' +
      'or set BRIEFKIT_CHROME to its path. `--no-pdf` builds the site without PDFs.',
  })
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK)
    return fs.statSync(file).isFile()
  } catch {
    return false
  }
}
