// node scripts/bundle-fonts.mjs [PACKAGE_DIR], run before packing (`prepack`): copy into PACKAGE_DIR/fonts/ the font files briefkit's own themes name, each at
// its package path (fonts/@expo-google-fonts/noto-sans-sc/400Regular/…), with its package's licences.
// The package then carries the weights its themes use (about 50 MB) instead of depending on font
// packages that hold every weight (231 MB). A checkout reads them from node_modules instead.
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { parse } from 'yaml'

const root = path.resolve(import.meta.dirname, '..')
const require = createRequire(path.join(root, 'package.json'))
// Note: another folder than the checkout (a copy being packed) leaves the checkout's fonts/ alone.
const out = path.join(path.resolve(process.argv[2] ?? root), 'fonts')
fs.rmSync(out, { recursive: true, force: true })
const copied = new Set()
for (const theme of fs.readdirSync(path.join(root, 'templates'))) {
  const file = path.join(root, 'templates', theme, 'theme.yaml')
  if (!fs.existsSync(file)) continue
  for (const font of parse(fs.readFileSync(file, 'utf8'))?.fonts ?? []) {
    if (font.file.startsWith('.') || path.isAbsolute(font.file)) continue
    const from = require.resolve(font.file)
    const name = font.file
      .split('/')
      .slice(0, font.file.startsWith('@') ? 2 : 1)
      .join('/')
    const packageDir = path.dirname(require.resolve(`${name}/package.json`))
    for (const [source, target] of [
      [from, path.join(out, font.file)],
      ...['LICENSE', 'LICENSE_FONT'].map((licence) => [path.join(packageDir, licence), path.join(out, name, licence)]),
    ]) {
      if (copied.has(target) || !fs.existsSync(source)) continue
      fs.mkdirSync(path.dirname(target), { recursive: true })
      fs.copyFileSync(source, target)
      copied.add(target)
    }
  }
}
console.log(`bundle-fonts: ${copied.size} files in fonts/`)
