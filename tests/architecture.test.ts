import fs from 'node:fs'
import path from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

const src = path.resolve(import.meta.dirname, '..', 'src')

/**
 * The floors of src/, lowest first (docs/architecture.md draws them): a folder imports only folders
 * below it, so data flows one way and no two folders import each other.
 */
const floors = [
  'reporting',
  'core',
  'theme',
  'citations',
  'config',
  'content',
  'lint',
  'plugins',
  'pipeline',
  'render',
  'site',
  'orchestrate',
  'dev',
  'cli',
] as const

/** Every module of src/ with the modules of src/ it imports (static, re-exports and `import()`). */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>()
  for (const entry of fs.readdirSync(src, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !/\.(ts|js)$/.test(entry.name)) continue
    const file = path.join(entry.parentPath, entry.name)
    const { importedFiles } = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true)
    const targets = importedFiles
      .map((i) => i.fileName)
      .filter((name) => name.startsWith('.'))
      .map((name) =>
        path
          .relative(src, path.resolve(path.dirname(file), name))
          .split(path.sep)
          .join('/'),
      )
    graph.set(path.relative(src, file).split(path.sep).join('/'), targets)
  }
  return graph
}

const floorOf = (module: string): number => {
  const folder = module.includes('/') ? (module.split('/')[0] ?? '') : ''
  // Note: files at the root of src/ (index.ts, the public API) stand above every floor.
  return folder === '' ? floors.length : floors.indexOf(folder as (typeof floors)[number])
}

/** The first import cycle found among the modules, as a path, or undefined. */
function findCycle(graph: ReadonlyMap<string, readonly string[]>): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>()
  const stack: string[] = []
  const visit = (module: string): string[] | undefined => {
    if (state.get(module) === 'done') return undefined
    if (state.get(module) === 'open') return [...stack.slice(stack.indexOf(module)), module]
    state.set(module, 'open')
    stack.push(module)
    for (const next of graph.get(module) ?? []) {
      const cycle = visit(next)
      if (cycle) return cycle
    }
    stack.pop()
    state.set(module, 'done')
    return undefined
  }
  for (const module of graph.keys()) {
    const cycle = visit(module)
    if (cycle) return cycle
  }
  return undefined
}

describe('the import graph of src/', () => {
  const graph = importGraph()

  it('has every folder on a floor', () => {
    const unplaced = [...graph.keys()].filter((module) => floorOf(module) === -1)
    expect(unplaced).toEqual([])
  })

  it('has no import from a folder to a folder above it', () => {
    const upward = [...graph].flatMap(([module, targets]) =>
      targets.filter((target) => floorOf(target) > floorOf(module)).map((target) => `${module} -> ${target}`),
    )
    expect(upward).toEqual([])
  })

  it('has no import cycle between files', () => {
    expect(findCycle(graph)).toBeUndefined()
  })

  it('finds an upward import and a cycle when there is one (the check itself)', () => {
    const bad = new Map([
      ['core/a.ts', ['pipeline/b.ts']],
      ['pipeline/b.ts', ['core/a.ts']],
    ])
    expect(floorOf('pipeline/b.ts')).toBeGreaterThan(floorOf('core/a.ts'))
    expect(findCycle(bad)).toEqual(['core/a.ts', 'pipeline/b.ts', 'core/a.ts'])
  })
})
