import os from 'node:os'

/**
 * Pages printing at once unless told: one per core, at most 4. On two cores (`npm run bench`,
 * N=20, 2026-11-28, six runs) two pages at once printed 22–46% more PDFs per second than one,
 * each PDF taking 1.2–1.45× as long; under heavier load (2026-11-25) the gain was 0–15%, never a
 * loss. Each page adds about 0.3 GB to the peak memory, hence the cap.
 */
export function defaultConcurrency(cores = os.availableParallelism()): number {
  return Math.min(4, Math.max(1, cores))
}
