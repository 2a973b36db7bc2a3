/**
 * What counts as a figure in a sentence, for `uncited-figure`: a percentage, an amount of money, or a
 * number with a unit of measurement. A bare number is not one: years, dates, section numbers,
 * ordinals and counts of things (`five reasons`, `2016 个区块`) state no figure to be sourced.
 */

import { alternation, chineseMagnitudes, unitsAfterNumber } from '../core/units.ts'

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

/**
 * Percentages that are names, not figures: a `51% attack` is the attack whatever share it takes.
 * Note: the text after the percent sign, so that `51% 的算力` is still a figure.
 */
const namedPercent = /^\s?(attack|攻击)/

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
