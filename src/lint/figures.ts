/**
 * What counts as a figure in a sentence, for `uncited-figure`: a percentage, an amount of money, or a
 * number with a unit of measurement. A bare number is not one: years, dates, section numbers,
 * ordinals and counts of things (`five reasons`, `2016 个区块`) state no figure to be sourced.
 */

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

/** Currencies written before the amount (`US$5`, `€5`, `RMB 5`). */
const currencyBefore = [
  'US$',
  'A$',
  'C$',
  'HK$',
  'NT$',
  'S$',
  '$',
  '€',
  '£',
  '¥',
  '￥',
  '₹',
  '₩',
  'USD',
  'EUR',
  'RMB',
  'CNY',
]

/** Percentages: `5%`, `5 percent`, `3 个百分点`. */
const percentAfter = ['%', '％', 'percent', 'per cent', 'percentage points', 'percentage point', '个百分点']

/**
 * Percentages that are names, not figures: a `51% attack` is the attack whatever share it takes.
 * Note: the text after the percent sign, so that `51% 的算力` is still a figure.
 */
const namedPercent = /^\s?(attack|攻击)/

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

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
const alternation = (words: readonly string[]) =>
  [...words]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegex)
    .join('|')

// Note: not after a letter or digit (`S19`, `COVID-19`, `1.5.2`), so a model or version number is no figure.
const number = String.raw`(?<![\p{Script=Latin}\d.,_-])\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?<![\p{Script=Latin}\d.,_-])\d+(?:\.\d+)?`
const space = String.raw`[ \u00a0\u202f]?`
const magnitude = String.raw`(?:${space}(?:${alternation(chineseMagnitudes)})|\s(?:thousand|million|billion|trillion|bn|mn)\b)?`
const unitWords = alternation(unitsAfterNumber)
// Note: a Latin unit must end where the word ends (`5 kWh`, not `5 Whales`); a Chinese one need not.
const after = `(?:${number})${magnitude}${space}(?:${unitWords})(?![A-Za-z])`
const before = `(?:${alternation(currencyBefore)})${space}(?:${number})${magnitude}`
const chineseNumeral = '[零〇一二三四五六七八九十两]'
// Note: `成` after a numeral is tenths (`八成`), unless it starts a word (`一成不变`, `三成本`, 成为, 完成 has no numeral).
const chinese = `[百千万]分之${chineseNumeral}+(?:点${chineseNumeral}+)?|${chineseNumeral}{1,3}成(?![为本功立员果就长熟交绩不])`

const figure = new RegExp(`${before}|${after}|${chinese}`, 'gu')

/** A figure found in a text: what it says and where it starts. */
export interface Figure {
  text: string
  index: number
}

/** The first figure in `text`, if it states one. */
export function firstFigure(text: string): Figure | undefined {
  for (const match of text.matchAll(figure)) {
    const end = match.index + match[0].length
    if (/[%％]$/.test(match[0]) && namedPercent.test(text.slice(end))) continue
    return { text: match[0], index: match.index }
  }
  return undefined
}
