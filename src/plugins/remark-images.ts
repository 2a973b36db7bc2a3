import fs from 'node:fs'
import path from 'node:path'
import type { Image, Root } from 'mdast'
import { visit } from 'unist-util-visit'
import type { VFile } from 'vfile'
import type { Asset } from '../pipeline/data.ts'
import { reportError, reportWarning } from '../reporting/messages.ts'

/** Options of remarkImages. */
export interface Options {
  /** The content folder: images must be inside it. */
  contentDir: string
  /**
   * Where pages find copied images, relative to a brief page.
   * @default '../../media/'
   */
  baseUrl?: string
  /**
   * Warn about remote images, which the PDF leaves out (it never fetches anything at print time).
   * @default false
   */
  warnRemote?: boolean
}

/**
 * Check each local image (it must exist and stay inside the content folder), point it at its copy
 * under `media/` in the out dir, and list it on `file.data.assets`. Remote images are left alone.
 */
export function remarkImages(options: Options) {
  const contentDir = path.resolve(options.contentDir)
  const baseUrl = options.baseUrl ?? '../../media/'
  return function transform(tree: Root, file: VFile): void {
    const assets: Asset[] = []
    file.data.assets = assets
    visit(tree, 'image', (node: Image) => {
      if (/^(https?:)?\/\//i.test(node.url)) {
        if (options.warnRemote) {
          reportWarning(file, `Remote image \`${node.url}\` is left out of the PDF`, node.position, 'remote-image',
            'PDFs are printed without network access; save the image next to the brief and link it by a relative path.')
        }
        return
      }
      if (/^([a-z][a-z\d+.-]*:|#)/i.test(node.url)) return
      const target = path.resolve(path.dirname(file.path), decodeURI(node.url.split(/[?#]/)[0] ?? ''))
      const relative = path.relative(contentDir, target)
      if (relative.startsWith('..') || path.isAbsolute(relative)) {
        reportError(file, `Image \`${node.url}\` is outside the content folder`, node.position, 'image-outside-content',
          'Move the image into the brief\'s folder and link it with a relative path.')
        return
      }
      if (!fs.statSync(target, { throwIfNoEntry: false })?.isFile()) {
        reportError(file, `Image \`${node.url}\` not found`, node.position, 'missing-image',
          `Paths are relative to the markdown file; looked for \`${path.relative(process.cwd(), target)}\`.`)
        return
      }
      const to = `media/${relative.split(path.sep).join('/')}`
      assets.push({ from: target, to })
      node.url = `${baseUrl}${encodeURI(relative.split(path.sep).join('/'))}`
    })
  }
}
