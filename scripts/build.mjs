// npm run build: compile src/ to ESM JavaScript with declarations and source maps in lib/ (tsc), and
// copy beside them the plain scripts the code reads as text (the dev reload client, the page predictor).
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..')
const lib = path.join(root, 'lib')
// Note: a clean folder, so a module removed from src/ cannot linger in lib/.
fs.rmSync(lib, { recursive: true, force: true })
execFileSync(
  process.execPath,
  [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', path.join(root, 'tsconfig.build.json')],
  {
    stdio: 'inherit',
  },
)
for (const entry of fs.readdirSync(path.join(root, 'src'), { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !entry.name.endsWith('.js')) continue
  const from = path.join(entry.parentPath, entry.name)
  fs.copyFileSync(from, path.join(lib, path.relative(path.join(root, 'src'), from)))
}
