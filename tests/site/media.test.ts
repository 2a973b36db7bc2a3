import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { BriefkitError } from '../../src/reporting/errors.ts'
import { mediaFile } from '../../src/site/media.ts'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'briefkit-media-'))
const file = (name: string, text: string) => {
  fs.writeFileSync(path.join(dir, name), text)
  return path.join(dir, name)
}

describe('mediaFile', () => {
  it('copies a raster image as it is, and gives an SVG sanitized', () => {
    expect(mediaFile(file('a.PNG', 'png'), 'media/a.PNG')).toEqual({
      path: 'media/a.PNG',
      from: path.join(dir, 'a.PNG'),
    })
    const svg = mediaFile(
      file('b.svg', '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script><rect/></svg>'),
      'media/b.svg',
    )
    expect(svg).toEqual({ path: 'media/b.svg', content: '<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>' })
  })

  it('refuses a file no <img> shows, which media/ would serve as a page of the site', () => {
    expect(() => mediaFile(file('c.html', '<script>alert(1)</script>'), 'media/c.html')).toThrow(BriefkitError)
    expect(() => mediaFile(file('d.xhtml', ''), 'media/d.xhtml')).toThrow(/`\.xhtml` file is not one a page can show/)
    expect(() => mediaFile(file('e', ''), 'media/e')).toThrow(/a file without an extension is not one a page can show/)
  })
})
