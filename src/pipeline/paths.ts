/** Where a brief's page lives in the out dir: `<lang>/<slug>/index.html`. */
export function briefPagePath(brief: { lang: string; slug: string }): string {
  return `${brief.lang}/${brief.slug}/index.html`
}
