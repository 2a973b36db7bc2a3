import type { Chart } from '../core/compiled.ts'
// TEMPORARY STUB until fix/charts lands
export function readChart(
  _specFile: string,
  _contentDir: string,
): { ok: true; chart: Chart } | { ok: false; message: string; hint: string } {
  return { ok: false, message: 'charts not yet', hint: '' }
}
