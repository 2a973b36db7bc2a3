// The search box on every page: Pagefind's own UI over the index `briefkit build` writes to
// pagefind/. Without JavaScript the page simply has no search box.
window.addEventListener('DOMContentLoaded', () => {
  const element = document.getElementById('search')
  if (!element || !('PagefindUI' in window)) return
  new window.PagefindUI({
    element,
    showSubResults: true,
    showImages: false,
    resetStyles: false,
    translations: { placeholder: element.dataset.placeholder },
  })
})
