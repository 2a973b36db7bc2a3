// A corpus to measure on: `npx tsx bench/corpus.ts --briefs N [--seed S] [--out DIR]` writes N distinct
// briefs into a content folder (a temp one by default) and prints its path. Each brief has its own
// title and text, so its characters and font subsets differ from the others'; a Chinese edition and an
// English one; 3–7 arguments of the default kinds; 10–60 references, some shared with other briefs; a
// captioned table cross-referenced in every third brief. The same seed writes the same corpus.
//
// The text is made of sentence frames filled from word lists: it reads as prose to the pipeline
// (citations, numbers with their units, lints), not to a person. Every figure is cited in its
// sentence, every work cited, so the corpus builds without errors.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'

const { values } = parseArgs({
  options: {
    briefs: { type: 'string', default: '20' },
    seed: { type: 'string', default: '1' },
    out: { type: 'string' },
  },
})
const count = Number(values.briefs)
const content = path.resolve(values.out ?? fs.mkdtempSync(path.join(os.tmpdir(), 'briefkit-corpus-')))

/** mulberry32: a small seeded generator, so a seed always writes the same corpus. */
function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
const next = random(Number(values.seed))
const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T
const between = (low: number, high: number) => low + Math.floor(next() * (high - low + 1))
const shuffled = <T>(list: readonly T[]): T[] =>
  list
    .map((item) => [next(), item] as const)
    .sort((a, b) => a[0] - b[0])
    .map(([, item]) => item)

const kinds = ['policy', 'environment', 'economics', 'centralization', 'value'] as const

// Word lists: topics and the words a policy brief is made of, in both languages, in parallel.
const topics = [
  ['城市供暖', 'urban heating'],
  ['农村电网', 'rural grids'],
  ['公共交通', 'public transport'],
  ['社区养老', 'community elder care'],
  ['数据中心', 'data centres'],
  ['海上风电', 'offshore wind'],
  ['储能电站', 'grid storage'],
  ['冷链物流', 'cold-chain logistics'],
  ['跨境支付', 'cross-border payments'],
  ['职业教育', 'vocational training'],
  ['水资源', 'water supply'],
  ['粮食储备', 'grain reserves'],
  ['住房租赁', 'rental housing'],
  ['电动汽车', 'electric vehicles'],
  ['塑料回收', 'plastic recycling'],
  ['基层医疗', 'primary care'],
  ['碳市场', 'carbon markets'],
  ['港口自动化', 'port automation'],
  ['氢能', 'hydrogen'],
  ['智慧农业', 'smart farming'],
] as const
const stances = [
  ['为什么需要重新评估', 'Why It Needs a Second Look'],
  ['的成本与收益', 'Costs and Benefits'],
  ['能否持续', 'Can It Last?'],
  ['的风险被低估了', 'Underestimated Risks'],
  ['的下一步', 'The Next Step'],
  ['改革路线图', 'A Road Map for Reform'],
] as const
const places = [
  ['北方城市', 'northern cities'],
  ['沿海省份', 'coastal provinces'],
  ['中西部地区', 'inland regions'],
  ['县域', 'county towns'],
  ['特大城市', 'megacities'],
] as const
const actors = [
  ['地方政府', 'local governments'],
  ['监管部门', 'regulators'],
  ['企业', 'firms'],
  ['家庭', 'households'],
  ['金融机构', 'lenders'],
  ['研究机构', 'research institutes'],
] as const
const verbs = [
  ['提高了', 'raised'],
  ['降低了', 'lowered'],
  ['改变了', 'changed'],
  ['推迟了', 'delayed'],
  ['放大了', 'amplified'],
] as const
const measures = [
  ['成本', 'costs'],
  ['用电量', 'electricity use'],
  ['投资回报', 'returns on investment'],
  ['覆盖率', 'coverage'],
  ['排放', 'emissions'],
  ['就业', 'employment'],
] as const
const units = [
  ['亿元', 'billion yuan'],
  ['太瓦时', 'TWh'],
  ['万吨', 'million tonnes'],
  ['%', '%'],
] as const
const surnames = [
  'Zhang',
  'Wang',
  'Li',
  'Chen',
  'Liu',
  'Okafor',
  'Berg',
  'Silva',
  'Nakamura',
  'Haddad',
  'Novak',
  'Kaur',
]
const given = ['Wei', 'Lin', 'Mei', 'Ada', 'Tom', 'Sara', 'Ines', 'Yuki', 'Omar', 'Lena']
const publishers = [
  'Example Policy Institute',
  'Sample University Press',
  'Demo Energy Observatory',
  'Fictional Statistics Office',
]
const titleWords = [
  'Assessment',
  'Outlook',
  'Survey',
  'Review',
  'Evidence',
  'Trends',
  'Costs',
  'Risks',
  'Options',
  'Data',
]
const titleTopics = [
  'Energy',
  'Housing',
  'Transport',
  'Finance',
  'Health',
  'Water',
  'Climate',
  'Labour',
  'Trade',
  'Food',
]

interface Work {
  key: string
  bib: string
}

/** A fictional work: an article, a report or a web page, with a key no other work has. */
function work(id: number): Work {
  const author = `${pick(surnames)}, ${pick(given)}`
  const year = between(2015, 2025)
  const key = `${author.split(',')[0]?.toLowerCase()}${year}w${id}`
  const title = `${pick(titleTopics)} ${pick(titleWords)} ${id}: ${pick(titleTopics)} and ${pick(titleTopics)}`
  const kind = pick(['article', 'report', 'online'] as const)
  const fields =
    kind === 'article'
      ? `  journaltitle = {Journal of Example Studies},\n  volume = {${between(1, 40)}},\n  pages = {${between(1, 90)}--${between(91, 200)}},\n`
      : kind === 'report'
        ? `  institution = {${pick(publishers)}},\n`
        : `  url = {https://example.org/works/${id}},\n  urldate = {2026-11-01},\n`
  return {
    key,
    bib: `@${kind}{${key},\n  author = {${author}},\n  title = {${title}},\n${fields}  date = {${year}},\n  langid = {english},\n}\n`,
  }
}

// Note: a pool every brief may draw from (shared works), and each brief's own works besides.
const shared = Array.from({ length: 40 }, (_, i) => work(i + 1))
let nextWork = shared.length + 1

/** A sentence with a figure, citing `key`, in both languages. */
function figureSentence(key: string, topic: readonly [string, string]): [string, string] {
  const [place, actor, verb, measure, unit] = [pick(places), pick(actors), pick(verbs), pick(measures), pick(units)]
  const value = `${between(2, 950)}${next() < 0.5 ? `.${between(1, 9)}` : ''}`
  const year = between(2016, 2025)
  const zhUnit = unit[0] === '%' ? '%' : ` ${unit[0]}`
  const enUnit = unit[1] === '%' ? '%' : ` ${unit[1]}`
  return [
    `${year} 年，${place[0]}的${topic[0]}${measure[0]}约为 ${value}${zhUnit}，${actor[0]}因此${verb[0]}投入 [@${key}]。`,
    `In ${year}, ${measure[1]} in ${topic[1]} in ${place[1]} came to about ${value}${enUnit}, and ${actor[1]} ${verb[1]} their spending as a result [@${key}].`,
  ]
}

/** A sentence without a figure, citing `key`. */
function plainSentence(key: string, topic: readonly [string, string]): [string, string] {
  const [actor, other, measure] = [pick(actors), pick(actors), pick(measures)]
  return [
    `${actor[0]}与${other[0]}对${topic[0]}的${measure[0]}看法并不一致，这一分歧决定了政策的节奏 [@${key}]。`,
    `${actor[1][0]?.toUpperCase()}${actor[1].slice(1)} and ${other[1]} do not agree on the ${measure[1]} of ${topic[1]}, and that disagreement sets the pace of policy [@${key}].`,
  ]
}

/** A paragraph of 2–4 sentences citing `keys` in turn, in both languages. */
function paragraph(keys: readonly string[], topic: readonly [string, string]): [string, string] {
  const sentences = keys.map((key) => (next() < 0.5 ? figureSentence(key, topic) : plainSentence(key, topic)))
  return [sentences.map((s) => s[0]).join(''), sentences.map((s) => s[1]).join(' ')]
}

const yamlString = (text: string) => JSON.stringify(text)

function writeBrief(index: number): void {
  const topic = topics[index % topics.length] as (typeof topics)[number]
  const stance = pick(stances)
  const slug = `brief-${String(index + 1).padStart(4, '0')}`
  const zhTitle = `${topic[0]}${stance[0]}（第 ${index + 1} 号）`
  const enTitle = `${topic[1][0]?.toUpperCase()}${topic[1].slice(1)}: ${stance[1]} (No. ${index + 1})`
  const own = Array.from({ length: between(6, 45) }, () => work(nextWork++))
  const works = [...shuffled(shared).slice(0, between(4, 15)), ...own]
  const keys = shuffled(works.map((w) => w.key))
  let cursor = 0
  const take = (n: number) => Array.from({ length: n }, () => keys[cursor++ % keys.length] as string)
  const dir = path.join(content, slug)
  const args = shuffled(kinds).slice(0, between(3, 5))
  // Note: 3–7 arguments: a kind may come twice (a second policy argument), as briefs do.
  while (args.length < 3 + (index % 5)) args.push(pick(kinds))
  const table = index % 3 === 0
  const date = `2026-${String(between(1, 10)).padStart(2, '0')}-${String(between(10, 28)).padStart(2, '0')}`
  // Note: each argument's text is made once and written in both editions, so both cite the same works.
  const texts = args.map((_, n) => ({
    claim: paragraph(take(1), topic),
    body: Array.from({ length: between(2, 4) }, () => paragraph(take(between(1, 3)), topic)),
    table: table && n === 1 ? { key: take(1)[0], a: between(10, 99), b: between(10, 99) } : undefined,
  }))
  // Note: the summary and findings repeat the arguments' own sentences, so their figures are in the body.
  const summary = (texts[0] as (typeof texts)[number]).body[0] as [string, string]
  const findings = texts.slice(0, 3).map((t) => t.claim)
  const intro = [paragraph(take(3), topic), paragraph(take(2), topic)]
  const front = (lang: 0 | 1) =>
    [
      '---',
      `title: ${yamlString(lang === 0 ? zhTitle : enTitle)}`,
      `subtitle: ${yamlString(lang === 0 ? `${pick(places)[0]}的经验与教训` : `Lessons from ${pick(places)[1]}`)}`,
      'authors:',
      `  - name: ${pick(given)} ${pick(surnames)}`,
      `    affiliation: ${pick(publishers)}`,
      `date: ${date}`,
      `lang: ${lang === 0 ? 'zh' : 'en'}`,
      `summary: ${yamlString(summary[lang])}`,
      'keyFindings:',
      ...findings.map((f) => `  - ${yamlString(f[lang])}`),
      `tags: [${yamlString(topic[lang])}]`,
      '---',
      intro.map((p) => p[lang]).join('\n\n'),
      '',
    ].join('\n')
  const argument = (kind: string, n: number, lang: 0 | 1) => {
    const { claim, body, table: t } = texts[n] as (typeof texts)[number]
    const tableText = !t
      ? ''
      : lang === 0
        ? `\n\n| 地区 | 指标 |\n| --- | ---: |\n| ${places[0][0]} | ${t.a} |\n| ${places[1][0]} | ${t.b} |\n\n: ${topic[0]}的地区差异 [@${t.key}] {#tbl-regions}\n\n地区差异见 @tbl-regions。`
        : `\n\n| Region | Index |\n| --- | ---: |\n| ${places[0][1]} | ${t.a} |\n| ${places[1][1]} | ${t.b} |\n\n: Regional differences in ${topic[1]} [@${t.key}] {#tbl-regions}\n\nSee @tbl-regions for the regions.`
    return [
      '---',
      `kind: ${kind}`,
      `title: ${yamlString(lang === 0 ? `${topic[0]}：第 ${n + 1} 个论证` : `${topic[1]}: argument ${n + 1}`)}`,
      `claim: ${yamlString(claim[lang])}`,
      '---',
      body.map((p) => p[lang]).join('\n\n') + tableText,
      '',
    ].join('\n')
  }
  const conclusion = paragraph(take(2), topic)
  for (const lang of [0, 1] as const) {
    const edition = lang === 0 ? dir : path.join(dir, 'en')
    fs.mkdirSync(path.join(edition, 'arguments'), { recursive: true })
    fs.writeFileSync(path.join(edition, 'brief.md'), front(lang))
    args.forEach((kind, n) => {
      fs.writeFileSync(
        path.join(edition, 'arguments', `${String(n + 1).padStart(2, '0')}-${kind}-${n + 1}.md`),
        argument(kind, n, lang),
      )
    })
    fs.writeFileSync(
      path.join(edition, 'conclusion.md'),
      `---\ntitle: ${lang === 0 ? '结论' : 'Conclusion'}\n---\n${conclusion[lang]}\n`,
    )
  }
  // Note: every work the brief lists is cited above (take() goes round the keys), so none is uncited.
  const cited = new Set(keys.slice(0, Math.min(cursor, keys.length)))
  fs.writeFileSync(
    path.join(dir, 'references.bib'),
    works
      .filter((w) => cited.has(w.key))
      .map((w) => w.bib)
      .join('\n'),
  )
}

fs.mkdirSync(content, { recursive: true })
fs.writeFileSync(
  path.join(content, 'site.yaml'),
  'title:\n  zh: 示例政策研究\n  en: Example policy research\nbaseUrl: https://corpus.example.org/\nlanguages: [zh, en]\ntheme: default\n',
)
for (let i = 0; i < count; i++) writeBrief(i)
console.log(content)
