// Runs in the print page (as print media), before printing: where will each section of the
// contents land? Chromium has no `target-counter()`, so briefkit lays the document out once in
// page-sized columns (the same fragmentation engine as printing: forced page breaks made column
// breaks, `break-inside: avoid`, orphans and widows), reads which column each section starts in
// and how many columns there are, and undoes every change. The cover (`.cover`, a page of its own)
// is left out and counted as page 1; with `withoutContents` the contents (`.toc`) are left out too.
// A guess, checked against the printed PDF's bookmarks: returns the [id, page] pairs of the
// contents and the number of pages, or null when the page size is not one it knows. `printCss` is the theme's print.css, whose rules a page
// loaded from a file may not read (file: stylesheets are cross-origin); it is parsed here instead.
(printCss, withoutContents) => {
  const sizes = { A3: [297, 420], A4: [210, 297], A5: [148, 210], B4: [250, 353], B5: [176, 250], LETTER: [215.9, 279.4], LEGAL: [215.9, 355.6], LEDGER: [279.4, 431.8] }
  const probe = document.createElement('div')
  probe.style.position = 'absolute'
  document.body.append(probe)
  const px = (length) => {
    probe.style.width = length
    return probe.getBoundingClientRect().width
  }
  let size = ''
  const margin = { top: '0', right: '0', bottom: '0', left: '0' }
  const parsed = new CSSStyleSheet()
  parsed.replaceSync(printCss)
  const rulesOf = (sheet) => {
    try {
      return sheet.cssRules
    } catch {
      return sheet.href?.endsWith('/assets/print.css') ? parsed.cssRules : []
    }
  }
  for (const sheet of document.styleSheets) {
    for (const rule of rulesOf(sheet)) {
      if (!(rule instanceof CSSPageRule) || rule.selectorText !== '') continue
      size = rule.style.getPropertyValue('size') || size
      for (const side of Object.keys(margin)) margin[side] = rule.style.getPropertyValue(`margin-${side}`) || margin[side]
    }
  }
  const words = size.trim().toUpperCase().split(/\s+/)
  const named = words.map((w) => sizes[w]).find(Boolean)
  const lengths = size.trim().split(/\s+/).filter((w) => /^[\d.]+[a-z]+$/i.test(w)).map(px)
  let page = named ? named.map((mm) => px(`${mm}mm`)) : lengths.length === 2 ? lengths : lengths.length === 1 ? [lengths[0], lengths[0]] : null
  if (page && words.includes('LANDSCAPE')) page = [page[1], page[0]]
  const width = page && page[0] - px(margin.left) - px(margin.right)
  const height = page && page[1] - px(margin.top) - px(margin.bottom)
  probe.remove()
  if (!page) return null

  const forced = new Set(['page', 'left', 'right', 'recto', 'verso'])
  const marked = []
  for (const el of document.body.querySelectorAll('*')) {
    const style = getComputedStyle(el)
    if (forced.has(style.breakBefore)) { el.setAttribute('data-briefkit-before', ''); marked.push(el) }
    if (forced.has(style.breakAfter)) { el.setAttribute('data-briefkit-after', ''); marked.push(el) }
  }
  const css = document.createElement('style')
  css.textContent = `
    [data-briefkit-before] { break-before: column !important; }
    [data-briefkit-after] { break-after: column !important; }
    .cover${withoutContents ? ', .toc' : ''} { display: none !important; }
    html, body { margin: 0 !important; padding: 0 !important; }
    body { width: ${width}px !important; height: ${height}px !important; column-width: ${width}px !important;
      column-count: auto !important; column-gap: 0 !important; column-fill: auto !important; }`
  document.head.append(css)
  const cover = document.querySelector('.cover') ? 1 : 0
  const left = document.body.getBoundingClientRect().left
  const end = document.createElement('div')
  document.body.append(end)
  const sections = []
  for (const link of document.querySelectorAll('.toc a[href^="#"]')) {
    const id = decodeURIComponent(link.getAttribute('href').slice(1))
    const target = document.getElementById(id)
    if (target) sections.push([id, Math.floor((target.getBoundingClientRect().left - left + 1) / width) + 1 + cover])
  }
  const pages = Math.floor((end.getBoundingClientRect().left - left + 1) / width) + 1 + cover
  end.remove()
  css.remove()
  for (const el of marked) { el.removeAttribute('data-briefkit-before'); el.removeAttribute('data-briefkit-after') }
  return { sections, pages }
}
