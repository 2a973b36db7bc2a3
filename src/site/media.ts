import path from 'node:path'
import type { OutputFile } from '../core/output.ts'
import { BriefkitError } from '../reporting/errors.ts'
import { sanitizeSvgFile } from './svg.ts'

// Note: what browsers show in an `<img>`. Anything else is useless there, and some types
// (`.html`, `.xhtml`, `.xml`) would be pages of the site, with script, once copied to `media/`.
const imageExtensions = [
  'png',
  'apng',
  'jpg',
  'jpeg',
  'jfif',
  'pjpeg',
  'pjp',
  'gif',
  'webp',
  'avif',
  'jxl',
  'bmp',
  'ico',
  'cur',
  'tif',
  'tiff',
  'heic',
  'heif',
  'svg',
  'svgz',
]

/**
 * A local image as the out dir gets it at `to`: an SVG sanitized (see `sanitizeSvg`), any other
 * image copied as it is; a chart's data file (`data`) as it is. Throws a BriefkitError naming a
 * file that is not an image.
 */
export function mediaFile(from: string, to: string, data = false): OutputFile {
  const extension = path.extname(from).slice(1).toLowerCase()
  if (data && ['csv', 'tsv', 'json'].includes(extension)) return { path: to, from }
  if (!imageExtensions.includes(extension)) {
    const kind = extension ? `a \`.${extension}\` file` : 'a file without an extension'
    throw new BriefkitError(
      `\`${path.relative(process.cwd(), from)}\` is used as an image, but ${kind} is not one a page can show`,
      {
        hint: `Use an image file: ${imageExtensions.map((e) => `.${e}`).join(', ')}.`,
      },
    )
  }
  return extension === 'svg' || extension === 'svgz' ? { path: to, content: sanitizeSvgFile(from) } : { path: to, from }
}
