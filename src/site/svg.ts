import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { gunzipSync, gzipSync } from 'node:zlib'
import type { CustomPlugin, XastChild, XastElement, XastParent } from 'svgo'
import { BriefkitError } from '../reporting/errors.ts'

const require = createRequire(import.meta.url)
let svgo: typeof import('svgo') | undefined

// Note: loaded on first use, and as its one-file CommonJS build, which loads in ~0.17 s where its
// ES modules take ~0.45 s (measured on this 2-core machine, 2026-11-29).
function loadSvgo(): typeof import('svgo') {
  svgo ??= require('svgo') as typeof import('svgo')
  return svgo
}

const svgNamespace = 'http://www.w3.org/2000/svg'

/**
 * An SVG file as the site may serve it: nothing in it runs script or fetches anything from
 * elsewhere. svgo's `removeScripts` drops scripts and known event handlers; briefkit's own pass
 * then keeps only SVG elements, drops every `on…` attribute, every link or reference that is not
 * to a place in the file itself (or to a raster `data:` image), CSS that imports or fetches, and
 * doctypes and processing instructions. Throws a BriefkitError naming `file` when it cannot be read.
 */
export function sanitizeSvg(text: string, file: string): string {
  try {
    // Note: `removeScripts` is svgo's; nothing of preset-default, which would redraw the figure.
    return loadSvgo().optimize(text, { path: file, plugins: ['removeScripts', confine], js2svg: { pretty: false } })
      .data
  } catch (error) {
    const where =
      error instanceof Error && 'line' in error && 'column' in error
        ? `:${String(error.line)}:${String(error.column)}`
        : ''
    const reason =
      error instanceof Error && 'reason' in error
        ? String(error.reason)
        : error instanceof RangeError
          ? 'nested too deeply'
          : String(error)
    throw new BriefkitError(
      `The SVG image \`${path.relative(process.cwd(), file)}${where}\` cannot be read: ${reason}`,
      {
        hint: 'Open it in an SVG editor and save it again, or export the figure as PNG.',
        cause: error,
      },
    )
  }
}

// Note: a site copies the same figures on every rebuild (`briefkit dev`); each is sanitized once
// per version of the file, known by its inode, size and time.
const sanitized = new Map<string, string | Uint8Array>()

/**
 * `sanitizeSvg` of a file on disk (`.svg`, or gzipped `.svgz`, which stays gzipped), remembered
 * while the file is unchanged.
 */
export function sanitizeSvgFile(file: string): string | Uint8Array {
  const stat = fs.statSync(file)
  const key = `${file}\0${stat.ino}\0${stat.size}\0${stat.mtimeMs}`
  let value = sanitized.get(key)
  if (value === undefined) {
    const gzipped = /\.svgz$/i.test(file)
    const bytes = fs.readFileSync(file)
    value = sanitizeSvg((gzipped ? readGzip(bytes, file) : bytes).toString('utf8'), file)
    if (gzipped) value = gzipSync(value)
    sanitized.set(key, value)
  }
  return value
}

function readGzip(bytes: Buffer, file: string): Buffer {
  try {
    return gunzipSync(bytes)
  } catch (error) {
    throw new BriefkitError(
      `The SVG image \`${path.relative(process.cwd(), file)}\` cannot be read: it is not gzipped`,
      { hint: 'Name a plain SVG file `.svg`.', cause: error },
    )
  }
}

const animations = new Set(['animate', 'animateColor', 'animateMotion', 'animateTransform', 'set', 'discard'])

/** briefkit's pass after `removeScripts`: an allow-list of what an SVG figure may keep. */
const confine: CustomPlugin = {
  name: 'briefkitConfine',
  fn: () => {
    // Note: a stack per element, as in svgo's removeScripts: a child may rebind a prefix or the default namespace.
    const scopes: Array<Map<string, string>> = [new Map([['', svgNamespace]])]
    const namespaceOf = (name: string) => {
      const prefix = name.includes(':') ? name.slice(0, name.indexOf(':')) : ''
      for (let i = scopes.length - 1; i >= 0; i--) {
        const uri = scopes[i]?.get(prefix)
        if (uri !== undefined) return uri
      }
      return undefined
    }
    return {
      doctype: { enter: (node, parent) => detach(node, parent) },
      instruction: { enter: (node, parent) => detach(node, parent) },
      element: {
        enter: (node, parent) => {
          const scope = new Map<string, string>()
          for (const [name, value] of Object.entries(node.attributes)) {
            if (name === 'xmlns') scope.set('', value)
            else if (name.startsWith('xmlns:')) scope.set(name.slice(6), value)
          }
          scopes.push(scope)
          if (!keepElement(node, namespaceOf(node.name))) {
            detach(node, parent)
            return
          }
          for (const [name, value] of Object.entries(node.attributes)) {
            if (!keepAttribute(name, value)) delete node.attributes[name]
          }
          if (localName(node.name) === 'style') {
            node.children = node.children.filter(
              (child) => !((child.type === 'text' || child.type === 'cdata') && !safeCss(child.value)),
            )
          }
        },
        exit: () => {
          scopes.pop()
        },
      },
    }
  },
}

function detach(node: XastChild, parent: XastParent): void {
  parent.children = parent.children.filter((child) => child !== node)
}

function localName(name: string): string {
  return name.slice(name.lastIndexOf(':') + 1)
}

/**
 * SVG elements only (an XHTML `iframe` or `script` under any prefix is dropped with its content),
 * no foreignObject, and no animation that sets a link, a handler or a fetching value.
 */
function keepElement(node: XastElement, namespace: string | undefined): boolean {
  if (namespace !== svgNamespace) return false
  const name = localName(node.name)
  if (name === 'foreignObject' || name === 'script' || name === 'handler' || name === 'listener') return false
  if (!animations.has(name)) return true
  const target = localName((node.attributes['attributeName'] ?? '').trim()).toLowerCase()
  if (target === 'href' || target === 'src' || target === 'base' || target.startsWith('on')) return false
  return ['from', 'to', 'by', 'values'].every((key) => keepAttribute(key, node.attributes[key] ?? ''))
}

/** No handler, no `xml:base`, links only inside the file, CSS only that fetches nothing. */
function keepAttribute(name: string, value: string): boolean {
  const local = localName(name).toLowerCase()
  if (local.startsWith('on') || name === 'xml:base') return false
  if (local === 'href' || local === 'src') return safeReference(value)
  return safeCss(value)
}

/**
 * A reference that loads or opens nothing outside the file: `#id`, a raster image in a `data:`
 * URL, or a plain relative path (another file beside it in the site).
 */
function safeReference(value: string): boolean {
  // Note: browsers drop tabs and newlines from URLs (`java\tscript:`), and treat `\` as `/`.
  const url = value.replace(/[\u0000-\u0020\u007f]/g, '')
  if (url === '' || url.startsWith('#')) return true
  if (/^data:image\/(png|jpeg|gif|webp|avif)[;,]/i.test(url)) return true
  return !url.includes('\\') && !url.startsWith('/') && !/^[^/?#]*:/.test(url)
}

/**
 * CSS (a `<style>`, a `style` or presentation attribute) that fetches nothing from elsewhere:
 * every `url()` is a `safeReference`, and no `@import`, `image-set()` or escapes, by which a
 * fetch could hide (`\75rl(…)`).
 */
function safeCss(css: string): boolean {
  if (/@import|image-set\(|\bsrc\(|\\|expression\(/i.test(css)) return false
  const urls = /url\(\s*(['"]?)(.*?)\1\s*\)/gi
  if (![...css.matchAll(urls)].every((match) => safeReference(match[2] ?? ''))) return false
  // Note: an unclosed `url(` still fetches what follows it.
  return !/url\(/i.test(css.replace(urls, ''))
}
