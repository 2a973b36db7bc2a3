// The search box on every page: Pagefind's own UI over the index `briefkit build` writes to
// pagefind/. Without JavaScript the page simply has no search box.
window.addEventListener('DOMContentLoaded', () => {
  const element = document.getElementById('search')
  if (!element || !('PagefindUI' in window)) return
  const label = element.dataset.placeholder
  new window.PagefindUI({ element, showSubResults: true, showImages: false, resetStyles: false, translations: { placeholder: label } })
  // Note: Pagefind's input has a placeholder but no label; give it one for screen readers.
  const name = () => element.querySelector('input')?.setAttribute('aria-label', label)
  name()
  new MutationObserver(name).observe(element, { childList: true, subtree: true })
})
