/** Where a brief's page lives in the out dir: `<lang>/<slug>/index.html`. */
export function briefPagePath(brief: { lang: string; slug: string }): string {
  return `${brief.lang}/${brief.slug}/index.html`
}

/** Where a brief's PDF lives in the out dir: `<lang>/<slug>/<slug>.pdf`. */
export function pdfPath(brief: { lang: string; slug: string }): string {
  return briefPagePath(brief).replace(/index\.html$/, `${brief.slug}.pdf`)
}
