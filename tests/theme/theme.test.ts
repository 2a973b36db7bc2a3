import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { BriefkitError } from '../../src/reporting/errors.ts'
import { themeAssets } from '../../src/site/assets.ts'
import { themeFilesIn } from '../../src/theme/files.ts'
import { loadTheme } from '../../src/theme/theme.ts'

/** A theme extending the default in a scratch folder, with a secret file outside it. */
function scratchTheme() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'briefkit-theme-'))
  const dir = path.join(root, 'own')
  for (const sub of ['assets', 'layouts', 'strings']) fs.mkdirSync(path.join(dir, sub), { recursive: true })
  fs.writeFileSync(path.join(dir, 'theme.yaml'), 'extends: default\n')
  const secret = path.join(root, 'secret.txt')
  fs.writeFileSync(secret, 'password\n')
  return { dir, secret }
}

describe('theme files stay inside their theme', () => {
  it('refuses a layout linked to a file outside the theme, naming it', () => {
    const { dir, secret } = scratchTheme()
    fs.symlinkSync(secret, path.join(dir, 'layouts', 'brief.liquid'))
    expect(() => loadTheme(dir)).toThrow(BriefkitError)
    expect(() => loadTheme(dir)).toThrow(/brief\.liquid` leads outside its theme, to `[^`]*secret\.txt`/)
  })

  it('refuses strings linked outside the theme', () => {
    const { dir, secret } = scratchTheme()
    fs.symlinkSync(secret, path.join(dir, 'strings', 'en.yaml'))
    expect(() => loadTheme(dir).strings('en')).toThrow(/en\.yaml` leads outside its theme/)
  })

  it('refuses a theme.yaml and a font named by a relative path that lead outside', () => {
    const linkedYaml = scratchTheme()
    fs.rmSync(path.join(linkedYaml.dir, 'theme.yaml'))
    fs.symlinkSync(linkedYaml.secret, path.join(linkedYaml.dir, 'theme.yaml'))
    expect(() => loadTheme(linkedYaml.dir)).toThrow(/theme\.yaml` leads outside its theme/)
    const font = scratchTheme()
    fs.writeFileSync(
      path.join(font.dir, 'theme.yaml'),
      'extends: default\nfonts:\n  - { family: X, file: fonts/x.ttf }\n',
    )
    fs.mkdirSync(path.join(font.dir, 'fonts'))
    fs.symlinkSync(font.secret, path.join(font.dir, 'fonts', 'x.ttf'))
    expect(() => loadTheme(font.dir)).toThrow(/x\.ttf` leads outside its theme/)
  })

  it('refuses an assets folder that is a link to a folder outside (regression: a symlinked secret copied into dist/assets)', () => {
    const { dir } = scratchTheme()
    fs.rmSync(path.join(dir, 'assets'), { recursive: true })
    fs.symlinkSync('/etc', path.join(dir, 'assets'))
    expect(() => themeAssets(loadTheme(dir))).toThrow(/assets` leads outside its theme, to `\/etc`/)
  })

  it('follows links that stay inside the theme, and not round a link loop', () => {
    const { dir } = scratchTheme()
    fs.mkdirSync(path.join(dir, 'assets', 'img'))
    fs.writeFileSync(path.join(dir, 'assets', 'img', 'a.css'), 'a {}')
    fs.symlinkSync('img', path.join(dir, 'assets', 'pictures'))
    fs.symlinkSync('..', path.join(dir, 'assets', 'img', 'up'))
    const files = themeFilesIn(path.join(dir, 'assets'), dir).map((f) => path.relative(dir, f))
    expect(files).toEqual([path.join('assets', 'img', 'a.css'), path.join('assets', 'pictures', 'a.css')])
  })

  it('names a link that leads nowhere', () => {
    const { dir } = scratchTheme()
    fs.symlinkSync(path.join(dir, 'missing.css'), path.join(dir, 'assets', 'gone.css'))
    expect(() => themeAssets(loadTheme(dir))).toThrow(/Cannot read the theme file `[^`]*gone\.css` \(ENOENT\)/)
  })
})

describe("a theme's fonts", () => {
  it('names one list of font files for the site and the PDF, resolved to absolute paths', () => {
    const theme = loadTheme(scratchTheme().dir)
    expect(theme.fonts.map((f) => `${f.family} ${f.weight} ${f.style}`)).toEqual([
      'Noto Sans 400 normal',
      'Noto Sans 700 normal',
      'Noto Sans SC 400 normal',
      'Noto Sans SC 700 normal',
    ])
    for (const font of theme.fonts) expect(fs.existsSync(font.file) && path.isAbsolute(font.file)).toBe(true)
  })

  it('refuses the old fonts: of Fontsource stylesheets and printFonts:, with a hint', () => {
    const stylesheets = scratchTheme()
    fs.writeFileSync(path.join(stylesheets.dir, 'theme.yaml'), 'fonts:\n  - "@fontsource/noto-sans/400.css"\n')
    expect(() => loadTheme(stylesheets.dir)).toThrow(/font stylesheet `@fontsource\/noto-sans\/400\.css`/)
    const printFonts = scratchTheme()
    fs.writeFileSync(
      path.join(printFonts.dir, 'theme.yaml'),
      'extends: default\nprintFonts:\n  - { family: X, file: x.ttf }\n',
    )
    expect(() => loadTheme(printFonts.dir)).toThrow(/`printFonts:`, which is now `fonts:`/)
  })
})
