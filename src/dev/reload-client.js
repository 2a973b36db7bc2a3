// briefkit dev's reload client. The dev server adds it to each page as it sends it; it is never
// written to the out dir. It reloads the page after a build that changed it, and shows the build's
// errors in an overlay (as text, never as HTML) while the content does not build.
;(() => {
  const script = document.currentScript
  let version = script instanceof HTMLScriptElement ? script.dataset.version : undefined
  let overlay = null

  /** The page's path in the out dir: `/en/x/` → `en/x/index.html`. */
  const ownPath = () => {
    const path = decodeURIComponent(location.pathname).replace(/^\/+/, '')
    return path === '' || path.endsWith('/') ? `${path}index.html` : path
  }
  const affected = (changed) => !Array.isArray(changed) || changed.some((p) => p === ownPath() || /\.(css|js)$/.test(p))

  const hideOverlay = () => {
    overlay?.remove()
    overlay = null
  }
  const showOverlay = (text) => {
    hideOverlay()
    const el = (tag, className, content) => {
      const node = document.createElement(tag)
      if (className) node.className = className
      if (content) node.textContent = content
      return node
    }
    // Note: a shadow root keeps the theme's CSS off the overlay and the overlay's off the page.
    overlay = el('briefkit-error-overlay')
    const root = overlay.attachShadow({ mode: 'open' })
    root.append(el('style', '', OVERLAY_CSS))
    const box = el('div', 'box')
    box.setAttribute('role', 'alert')
    const head = el('div', 'head')
    head.append(el('strong', '', 'briefkit: this edit does not build'), el('button', 'close', 'Dismiss ✕'))
    box.append(
      head,
      el('p', 'note', 'The page shows the last good build. Fix the file and save: the page reloads.'),
      el('pre', 'text', text),
    )
    root.append(el('div', 'backdrop'), box)
    root.querySelector('.close').addEventListener('click', hideOverlay)
    root.querySelector('.backdrop').addEventListener('click', hideOverlay)
    document.documentElement.append(overlay)
  }
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') hideOverlay()
  })

  const connect = () => {
    const source = new EventSource('/__briefkit/events')
    source.addEventListener('open', () => {
      document.documentElement.dataset.briefkitDev = 'connected'
    })
    source.addEventListener('hello', (event) => {
      // Note: after a restart, or builds missed while disconnected, the site is not the one this page shows.
      if (JSON.parse(event.data).version !== version) location.reload()
    })
    source.addEventListener('reload', (event) => {
      const data = JSON.parse(event.data)
      if (overlay || affected(data.changed)) location.reload()
      else version = data.version
    })
    source.addEventListener('error', (event) => {
      // Note: EventSource fires `error` itself when the connection drops; the server's `error` events carry data.
      if (typeof event.data === 'string') return showOverlay(JSON.parse(event.data).text)
      document.documentElement.dataset.briefkitDev = 'disconnected'
      if (source.readyState === EventSource.CLOSED) {
        source.close()
        setTimeout(connect, 1000)
      }
    })
  }

  const OVERLAY_CSS = `
    :host { all: initial; }
    .backdrop { position: fixed; inset: 0; z-index: 2147483646; background: rgb(0 0 0 / 0.55); }
    .box { position: fixed; z-index: 2147483647; top: 1.5rem; left: 50%; transform: translateX(-50%);
      box-sizing: border-box; width: min(60rem, calc(100vw - 1rem)); max-height: calc(100vh - 3rem); overflow: auto;
      padding: 1rem 1.25rem; border-top: 6px solid #e5484d; border-radius: 6px; background: #1c1c1f; color: #ededef;
      font: 14px/1.5 ui-monospace, SFMono-Regular, Menlo, Consolas, "Noto Sans Mono", "Noto Sans Mono CJK SC", monospace;
      box-shadow: 0 10px 40px rgb(0 0 0 / 0.5); }
    .head { display: flex; justify-content: space-between; align-items: baseline; gap: 1rem; color: #ff9592; font-size: 15px; }
    .close { font: inherit; font-size: 13px; color: #ededef; background: #2e2e32; border: 1px solid #4a4a50;
      border-radius: 4px; padding: 0.2rem 0.6rem; cursor: pointer; flex: none; }
    .close:focus-visible { outline: 2px solid #ff9592; outline-offset: 2px; }
    .note { margin: 0.5rem 0 0.75rem; color: #a0a0a8; font-size: 13px; }
    .text { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
    @media (max-width: 30rem) { .box { top: 0.5rem; max-height: calc(100vh - 1rem); padding: 0.75rem; font-size: 13px; } }
  `
  connect()
})()
