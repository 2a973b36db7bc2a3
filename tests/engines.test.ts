import fs from 'node:fs'
import path from 'node:path'
import semver from 'semver'
import { describe, expect, it } from 'vitest'

const root = path.resolve(import.meta.dirname, '..')
const read = (file: string) => JSON.parse(fs.readFileSync(path.join(root, file), 'utf8'))
const pkg = read('package.json') as { engines: { node: string } }
const lock = read('package-lock.json') as {
  packages: Record<string, { dev?: boolean; engines?: { node?: string } | string[] }>
}

describe('the Node versions briefkit says it runs on', () => {
  const lowest = semver.minVersion(pkg.engines.node)?.version ?? ''

  it('include the one running these tests', () => {
    expect(semver.satisfies(process.version, pkg.engines.node)).toBe(true)
  })

  it('are all supported by every package briefkit installs (regression: some newest majors need Node 22)', () => {
    const refusing = Object.entries(lock.packages).flatMap(([at, entry]) => {
      const range = !entry.dev && entry.engines && !Array.isArray(entry.engines) ? entry.engines.node : undefined
      return range && !semver.satisfies(lowest, range) ? [`${at} wants node ${range}`] : []
    })
    expect(lowest).toBe('20.19.0')
    expect(refusing).toEqual([])
  })
})
