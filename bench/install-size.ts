// npm run bench:install [-- REPO]: what a user installs: the tarball of REPO (default: this checkout)
// installed offline into an empty project (scripts/install-tarball.ts); its size, time and node_modules.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { installTarball } from '../scripts/install-tarball.ts'

const repo = path.resolve(process.argv[2] ?? path.join(import.meta.dirname, '..'))
const project = fs.mkdtempSync(path.join(os.tmpdir(), 'briefkit-install-'))
// Note: a checkout from before bundled fonts has no scripts/bundle-fonts.mjs; it is packed as it is.
const bundleFonts = fs.existsSync(path.join(repo, 'scripts', 'bundle-fonts.mjs'))
const { size, seconds } = installTarball(repo, project, { bundleFonts })
const modules = execFileSync('du', ['-sh', 'node_modules'], { cwd: project, encoding: 'utf8' }).split('\t')[0]
console.log(
  `${repo}: tarball ${(size / 1e6).toFixed(2)} MB, installed in ${seconds.toFixed(1)} s, node_modules ${modules}`,
)
fs.rmSync(project, { recursive: true, force: true })
