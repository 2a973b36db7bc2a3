/** What a scaffolded brief says in each place until its writer fills it in. */
export type Placeholders = Record<
  'title' | 'author' | 'summary' | 'finding' | 'intro' | 'claim' | 'body' | 'conclusion' | 'recommendation',
  string
>

const english: Placeholders = {
  title: 'Title of the brief',
  author: 'Author Name',
  summary: 'Two or three sentences that state what the brief concludes.',
  finding: 'One sourced key finding.',
  intro: 'Introduction: what the problem is and why it matters now.',
  claim: 'The claim of this argument, in one sentence.',
  body: 'The argument: give the evidence and cite sources at the end of sentences, e.g. `[@key]`.',
  conclusion: 'Conclusion: bring the arguments together.',
  recommendation: 'One policy recommendation.',
}

/**
 * The placeholders `briefkit new` writes, per language (others use English), as markdown. The
 * scaffold writes them and the `placeholder-text` lint finds them: one list, so the two agree.
 */
export const placeholders: Readonly<Record<string, Placeholders>> = {
  zh: {
    title: '简报标题',
    author: '作者姓名',
    summary: '用两三句话概括简报的结论。',
    finding: '一条有来源的主要发现。',
    intro: '引言：说明问题是什么、为什么现在重要。',
    claim: '这一论证的论点，一句话。',
    body: '论证正文：给出证据，并在句末引用来源，例如 `[@key]`。',
    conclusion: '结论：把各个论证合在一起。',
    recommendation: '一条政策建议。',
  },
  en: english,
}

/** The placeholders of a brief in `lang`. */
export function placeholdersFor(lang: string): Placeholders {
  return placeholders[lang.split('-')[0] ?? lang] ?? english
}
