/**
 * Words that follow a number and belong with it: units of measurement, currencies, percentages and
 * Chinese magnitudes (which `uncited-figure` reads as figures), and the Chinese measure and count
 * words that keep a number company without making it a figure. Shared by the lint and by the line
 * breaking that keeps a number with its unit, in the text and in reference lists.
 */
import { isoDate } from './dates.ts'

/** Units after a number that make it a measured quantity, by what they measure. */
const units = {
  energy: [
    ...['Wh', 'kWh', 'MWh', 'GWh', 'TWh', 'PWh', 'kJ', 'MJ', 'GJ', 'TJ', 'PJ', 'EJ'],
    ...['watt-hours', 'kilowatt-hours', 'megawatt-hours', 'gigawatt-hours', 'terawatt-hours'],
    ...['瓦时', '千瓦时', '兆瓦时', '吉瓦时', '太瓦时', '度电', '焦耳'],
  ],
  power: [
    ...['W', 'kW', 'MW', 'GW', 'TW', 'watts', 'watt', 'kilowatts', 'kilowatt', 'megawatts', 'megawatt'],
    ...['gigawatts', 'gigawatt', 'terawatts', 'terawatt', '瓦', '千瓦', '兆瓦', '吉瓦', '太瓦'],
  ],
  hashRate: ['H/s', 'kH/s', 'MH/s', 'GH/s', 'TH/s', 'PH/s', 'EH/s', 'ZH/s', 'J/TH', 'W/TH'],
  mass: [
    ...['kg', 'Mt', 'Gt', 'kt', 'tonnes', 'tonne', 'tons', 'ton', 'kilograms', 'kilogram'],
    ...['克', '千克', '公斤', '吨'],
  ],
  length: [
    ...['km', 'cm', 'mm', 'km²', 'm²', 'm³', 'ha', 'hectares', 'kilometres', 'kilometers', 'metres', 'meters'],
    ...['miles', 'mile', '米', '千米', '公里', '厘米', '毫米', '平方米', '平方公里', '公顷', '亩', '立方米'],
  ],
  // Note: 公升, not 升, which after a number is mostly a rise (`从第 5 升至第 3`).
  volume: ['litres', 'liters', 'barrels', '公升', '毫升', '桶'],
  temperature: ['°C', '°F', '℃', 'degrees', '摄氏度'],
  data: ['KB', 'MB', 'GB', 'TB', 'PB', 'Mbps', 'Gbps'],
} as const

/** Currencies written after the amount (`5 美元`, `5 dollars`). */
const currencyAfter = [
  ...['元', '美元', '欧元', '英镑', '日元', '港元', '港币', '人民币', '比特币', '枚比特币', '个比特币'],
  ...['dollars', 'dollar', 'euros', 'euro', 'pounds', 'yuan', 'renminbi', 'cents'],
  ...['USD', 'EUR', 'GBP', 'CNY', 'RMB', 'JPY', 'HKD', 'BTC', 'bitcoins', 'bitcoin'],
]

/** Percentages: `5%`, `5 percent`, `3 个百分点`. */
const percentAfter = ['%', '％', 'percent', 'per cent', 'percentage points', 'percentage point', '个百分点']

// Note: Time units (年, 月, 天, hours, years) are left out on purpose: next to dates and durations they
// flag `2022 年` and `2–3 年` far more often than a figure. Single-letter units (m, t, g, L, J) are left
// out too: `5m` and `3 t` mean too many things; their longer forms (km, kg, tonnes, kJ) are there.

/** Words after a number that make it a figure: units, currencies and percentages, in every language read. */
export const unitsAfterNumber: readonly string[] = [...Object.values(units).flat(), ...currencyAfter, ...percentAfter]

/** Chinese magnitudes, between a number and its unit (`2400 亿千瓦时`, `1200 亿`). */
export const chineseMagnitudes: readonly string[] = [
  '万亿',
  '千亿',
  '百亿',
  '十亿',
  '亿',
  '千万',
  '百万',
  '十万',
  '万',
  '千',
]

/**
 * Measure words after a number that are no figure's unit (`uncited-figure` leaves them out): dates,
 * durations and counts. `多` and `余` may stand between (`20 多年`, `1000 余家`).
 */
const measureWords = ['年', '月', '日', '天', '周', '周年', '小时', '分钟', '秒', '岁']
const countWords = ['个', '次', '倍', '家', '种', '项', '号', '位', '名', '人', '台', '条', '件', '份', '张', '页']

/** Chinese words a number keeps on its line: its magnitude, unit, currency, measure or count word. */
export const chineseUnitWords: readonly string[] = [
  ...chineseMagnitudes,
  ...unitsAfterNumber.filter((word) => /\p{Script=Han}/u.test(word)),
  ...measureWords,
  ...countWords,
]

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
/** Words as one regular-expression alternation, longest first (so `千瓦时` wins over `千瓦`), escaped. */
export const alternation = (words: readonly string[]) =>
  [...new Set(words)]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegex)
    .join('|')

// Note: not inside a word, a version, a path or a longer number (`S19`, `1.5.2`, `/2021-05/`, `COVID-19`).
const start = String.raw`(?<![\p{Script=Latin}\d.,_/\-–])`
const amount = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`
// Note: a range (`2–3 年`) is one run; a percentage may take a unit (`3% 个`), though `85%` alone never breaks.
const number = `(?:${amount})(?:[-–~～](?:${amount}))?%?`
const space = String.raw`[ \u00a0\u202f\n]?`
const magnitude = alternation(chineseMagnitudes)
const unit = alternation([
  ...unitsAfterNumber.filter((word) => /\p{Script=Han}/u.test(word)),
  ...measureWords,
  ...countWords,
])

/** ISO dates (`2021-02-03`, `2021-02`) and year ranges (`2021–2022`), in every language. */
const dates = new RegExp(isoDate, 'gu')
/** Those, and a number with its Chinese magnitude, unit or measure word (`121.36 太瓦时`, `2400 亿千瓦时`, `2022年`). */
const chinese = new RegExp(
  `(?:${isoDate}|${start}(?:${number}))(?:${space}(?<magnitude>${magnitude}))?(?:${space}(?:多|余)?(?<unit>${unit}))?`,
  'gu',
)

/**
 * The runs of a text a line must not break inside: dates and year ranges in every language and, in
 * Chinese (`zh`, `zh-Hant`, …), a number with its magnitude, unit or measure word.
 */
export function unbreakableRuns(text: string, lang: string): RegExpExecArray[] {
  const pattern = /^zh\b/i.test(lang) ? chinese : dates
  return [...text.matchAll(pattern)].filter((m) => m.groups?.['date'] || m.groups?.['magnitude'] || m.groups?.['unit'])
}
