import fs from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import { brotliDecompress } from 'node:zlib'

const decompress = promisify(brotliDecompress)

/** What an installed briefkit's bundled font files end in: brotli-compressed (see scripts/bundle-fonts.mjs). */
export const compressedFontSuffix = '.br'

/**
 * A font file's bytes: a bundled `.ttf.br` decompressed (about 60 ms for a 10 MB Chinese font),
 * any other file as it is.
 */
export async function readFontFile(file: string): Promise<Buffer> {
  const data = await fs.readFile(file)
  return file.endsWith(compressedFontSuffix) ? decompress(data) : data
}

/** A font file's name without its folder and extensions: `…/NotoSansSC_400Regular.ttf.br` → `NotoSansSC_400Regular`. */
export function fontFileStem(file: string): string {
  const name = path.basename(file)
  return (name.endsWith(compressedFontSuffix) ? name.slice(0, -compressedFontSuffix.length) : name).replace(
    /\.[^.]+$/,
    '',
  )
}
