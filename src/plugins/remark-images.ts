import path from 'node:path'
import type { Image, Root } from 'mdast'
import { visit } from 'unist-util-visit'
import type { VFile } from 'vfile'
import type { Asset } from '../core/compiled.ts'
import { isInside, resolveInside } from '../core/confined.ts'
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
          reportWarning(
            file,
            `Remote image \`${node.url}\` is left out of the PDF`,
            node.position,
            'remote-image',
            'PDFs are printed without network access; save the image next to the brief and link it by a relative path.',
          )
        }
        return
      }
      if (/^([a-z][a-z\d+.-]*:|#)/i.test(node.url)) return
      const written = decodePath(node.url.split(/[?#]/)[0] ?? '')
      if (written === undefined) {
        reportError(
          file,
          `Image \`${node.url}\` has a \`%\` that starts no escape`,
          node.position,
          'invalid-image-path',
          'Write a `%` in a file name as `%25` (`100%25.png`), or rename the file.',
        )
        return
      }
      const target = path.resolve(path.dirname(file.path), written)
      // Note: the written path must stay inside, and so must the real file behind any symlink.
      const resolved = isInside(contentDir, target) ? resolveInside(contentDir, target) : undefined
      if (!resolved || (!resolved.ok && resolved.problem === 'outside')) {
        reportError(
          file,
          `Image \`${node.url}\` is outside the content folder`,
          node.position,
          'image-outside-content',
          "Move the image into the brief's folder and link it with a relative path (not a symlink to elsewhere).",
        )
        return
      }
      if (!resolved.ok && (resolved.problem === 'missing' || resolved.code === 'EISDIR')) {
        reportError(
          file,
          `Image \`${node.url}\` not found`,
          node.position,
          'missing-image',
          `Paths are relative to the markdown file; looked for \`${path.relative(process.cwd(), target)}\`.`,
        )
        return
      }
      if (!resolved.ok) {
        reportError(
          file,
          `Cannot read image \`${node.url}\` (${resolved.code})`,
          node.position,
          'unreadable-image',
          'Check that it is a readable image file, not a broken link or a special file.',
        )
        return
      }
      const relative = path.relative(contentDir, target)
      const to = `media/${relative.split(path.sep).join('/')}`
      // Note: the real path, so that the build copies the file that was checked, never a link's new target;
      // a chart's spec is drawn (remarkFigures reads it from there), not copied.
      node.data = { ...node.data, path: resolved.path }
      if (!/\.vl\.(json|ya?ml)$/i.test(written)) assets.push({ from: resolved.path, to })
      node.url = `${baseUrl}${encodeURI(relative.split(path.sep).join('/'))}`
    })
  }
}

function decodePath(url: string): string | undefined {
  try {
    return decodeURI(url)
  } catch {
    return undefined
  }
}
