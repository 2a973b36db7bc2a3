import { defaultSchema, type Options as Schema } from 'rehype-sanitize'

const base = defaultSchema.attributes ?? {}

/**
 * What author-written markdown and HTML may put in a page: GitHub's schema (no scripts, no event
 * handlers, only http(s)/mailto links) plus classes, callouts, figures and their widths, and citation placeholders.
 */
export const contentSchema: Schema = {
  ...defaultSchema,
  // Note: ids are prefixed per unit by remark-rehype and rehype-slug, so sanitize must not prefix them again.
  clobber: [],
  tagNames: [...(defaultSchema.tagNames ?? []), 'aside', 'figure', 'figcaption', 'section'],
  attributes: {
    ...base,
    // Note: no `name`: `<img name="getElementById">` would replace `document.getElementById` for the
    // page's own scripts (DOM clobbering), and with a name even an image's id would.
    '*': [...(base['*'] ?? []).filter((attribute) => attribute !== 'name'), 'className'],
    span: [...(base['span'] ?? []), 'dataCitation'],
    // Note: GitHub's schema allows one class on links; cross-references carry `xref`.
    a: [...(base['a'] ?? []).filter((a) => !(Array.isArray(a) && a[0] === 'className')), 'className'],
    // Note: a figure's `width="60%"`, made a style by rehype-presentation once it is checked.
    figure: ['dataFigureWidth'],
    aside: ['role'],
  },
}
