// node scripts/bundle-fonts.mjs [PACKAGE_DIR], run before packing (`prepack`): write into PACKAGE_DIR/fonts/ the font files briefkit's own themes
// name, each at its package path plus `.br` (fonts/@expo-google-fonts/noto-sans-sc/400Regular/….ttf.br), brotli-compressed,
// with its package's licences. The package then carries the weights its themes use (25 MB; 51 MB uncompressed) instead of
// depending on font packages that hold every weight (231 MB). A checkout reads them from node_modules instead.
// Brotli quality 9: 52% smaller for Noto Sans SC in 6 s; quality 11 saves 6% more in 30 s; decompressing takes ~60 ms.
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { promisify } from 'node:util'
import { brotliCompress, constants } from 'node:zlib'
import { parse } from 'yaml'

const root = path.resolve(import.meta.dirname, '..')
const require = createRequire(path.join(root, 'package.json'))
// Note: another folder than the checkout (a copy being packed) leaves the checkout's fonts/ alone.
const out = path.join(path.resolve(process.argv[2] ?? root), 'fonts')
fs.rmSync(out, { recursive: true, force: true })
const copied = new Set()
const writing = []
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
      [from, path.join(out, `${font.file}.br`)],
      ...['LICENSE', 'LICENSE_FONT'].map((licence) => [path.join(packageDir, licence), path.join(out, name, licence)]),
    ]) {
      if (copied.has(target) || !fs.existsSync(source)) continue
      fs.mkdirSync(path.dirname(target), { recursive: true })
      if (target.endsWith('.br')) writing.push(compress(source, target))
      else fs.copyFileSync(source, target)
      copied.add(target)
    }
  }
}
await Promise.all(writing)
console.log(`bundle-fonts: ${copied.size} files in fonts/`)

async function compress(source, target) {
  const data = fs.readFileSync(source)
  const params = {
    [constants.BROTLI_PARAM_QUALITY]: 9,
    [constants.BROTLI_PARAM_LGWIN]: 24,
    [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
  }
  fs.writeFileSync(target, await promisify(brotliCompress)(data, { params }))
}
