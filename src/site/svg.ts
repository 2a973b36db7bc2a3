import fs from 'node:fs'
import path from 'node:path'
import { gunzipSync, gzipSync } from 'node:zlib'
import type { Element, ElementContent, RootContent } from 'xast'
import { fromXml } from 'xast-util-from-xml'
import { toXml } from 'xast-util-to-xml'
import { BriefkitError } from '../reporting/errors.ts'

const svgNamespace = 'http://www.w3.org/2000/svg'

/**
 * An SVG file as the site may serve it: nothing in it runs script or fetches anything from
 * elsewhere. It is parsed as XML (xast) and kept by an allow-list: SVG elements only, no
 * script, no `on…` attribute, no link or reference that is not to a place in the file itself
 * (or to a raster `data:` image), no CSS that imports or fetches, no doctype, processing
 * instruction or comment. Throws a BriefkitError naming `file` (and the place) when it cannot be read.
 */
export function sanitizeSvg(text: string, file: string): string {
  try {
    const root = fromXml(expandDeclaredEntities(text))
    root.children = confineChildren(root.children, [new Map([['', svgNamespace]])]).filter(
      (node) => node.type === 'element',
    )
    return toXml(root, { closeEmptyElements: true, tightClose: true })
  } catch (error) {
    const where =
      error instanceof Error && 'line' in error && 'column' in error && error.line !== undefined
        ? `:${String(error.line)}:${String(error.column)}`
        : ''
    const reason =
      error instanceof RangeError
        ? 'nested too deeply'
        : error instanceof Error && error.cause instanceof Error
          ? (error.cause.message.split('\n')[0] ?? '').replace(/\s*\(line \d+, column \d+\)$/, '')
          : String(error instanceof Error ? error.message : error)
    throw new BriefkitError(
      `The SVG image \`${path.relative(process.cwd(), file)}${where}\` cannot be read: ${reason}`,
      {
        hint: 'Open it in an SVG editor and save it again, or export the figure as PNG.',
        cause: error,
      },
    )
  }
}

/**
 * Entities declared in the doctype (`<!ENTITY ns_svg "http://www.w3.org/2000/svg">`, as Adobe
 * Illustrator writes them) replaced where they are used, once and not recursively, as an XML
 * parser would; the XML parser knows only the predefined ones. At most 4× the file's length.
 */
function expandDeclaredEntities(text: string): string {
  const doctype = /<!DOCTYPE[^[>]*\[([\s\S]*?)\]\s*>/.exec(text)
  if (!doctype) return text
  const values = new Map<string, string>()
  for (const [, name, , value] of (doctype[1] ?? '').matchAll(/<!ENTITY\s+([\w.:-]+)\s+(["'])([\s\S]*?)\2\s*>/g)) {
    if (name && !values.has(name)) values.set(name, escapeXml(value ?? ''))
  }
  const rest = text.slice(doctype.index + doctype[0].length)
  let budget = 4 * text.length
  const expanded = rest.replace(/&([\w.:-]+);/g, (reference, name: string) => {
    const value = values.get(name)
    if (value === undefined) return reference
    budget -= value.length
    if (budget < 0) throw new Error('its entities expand too far')
    return value
  })
  return text.slice(0, doctype.index) + expanded
}

function escapeXml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;')
}

/** The nodes of `nodes` an SVG figure may keep, each element confined in turn. */
function confineChildren<T extends RootContent | ElementContent>(nodes: T[], scopes: Array<Map<string, string>>): T[] {
  const kept: T[] = []
  for (const node of nodes) {
    if (node.type === 'doctype' || node.type === 'instruction' || node.type === 'comment') continue
    if (node.type === 'element' && !confine(node, scopes)) continue
    kept.push(node)
  }
  return kept
}

/** Whether `element` may stay; if so, its attributes, style and children are confined. */
function confine(element: Element, scopes: Array<Map<string, string>>): boolean {
  // Note: a scope per element: a child may rebind a prefix or the default namespace.
  const scope = new Map<string, string>()
  for (const [name, value] of Object.entries(element.attributes)) {
    if (name === 'xmlns') scope.set('', String(value))
    else if (name.startsWith('xmlns:')) scope.set(name.slice(6), String(value))
  }
  const inner = [...scopes, scope]
  if (!keepElement(element, namespaceOf(element.name, inner))) return false
  for (const [name, value] of Object.entries(element.attributes)) {
    if (!keepAttribute(name, String(value ?? ''))) delete element.attributes[name]
  }
  element.children = confineChildren(element.children, inner)
  if (localName(element.name) === 'style') {
    element.children = element.children.filter(
      (child) => !((child.type === 'text' || child.type === 'cdata') && !safeCss(child.value)),
    )
  }
  return true
}

function namespaceOf(name: string, scopes: Array<Map<string, string>>): string | undefined {
  const prefix = name.includes(':') ? name.slice(0, name.indexOf(':')) : ''
  for (let i = scopes.length - 1; i >= 0; i--) {
    const uri = scopes[i]?.get(prefix)
    if (uri !== undefined) return uri
  }
  return undefined
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

function localName(name: string): string {
  return name.slice(name.lastIndexOf(':') + 1)
}

/**
 * SVG elements only (an XHTML `iframe` or `script` under any prefix is dropped with its content),
 * no foreignObject, and no animation that sets a link, a handler or a fetching value.
 */
function keepElement(node: Element, namespace: string | undefined): boolean {
  if (namespace !== svgNamespace) return false
  const name = localName(node.name)
  if (name === 'foreignObject' || name === 'script' || name === 'handler' || name === 'listener') return false
  if (!animations.has(name)) return true
  const target = localName(String(node.attributes['attributeName'] ?? '').trim()).toLowerCase()
  if (target === 'href' || target === 'src' || target === 'base' || target.startsWith('on')) return false
  return ['from', 'to', 'by', 'values'].every((key) => keepAttribute(key, String(node.attributes[key] ?? '')))
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
