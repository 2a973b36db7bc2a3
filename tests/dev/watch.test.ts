import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type FolderWatch, watchFolders } from '../../src/dev/watch.ts'

/** Batches of changed paths as the watcher reports them; `next()` waits for the next one. */
function batches() {
  const seen: string[][] = []
  const waiting: Array<() => void> = []
  return {
    onChange: (paths: string[]) => {
      seen.push(paths)
      for (const wake of waiting.splice(0)) wake()
    },
    /** The paths of the next batch that has any of `wanted`, within two seconds, or those seen until then. */
    async until(wanted: string[]): Promise<string[]> {
      const deadline = Date.now() + 2000
      for (;;) {
        const at = seen.findIndex((paths) => paths.some((p) => wanted.includes(p)))
        if (at !== -1) return seen.splice(0, at + 1).flat()
        if (Date.now() > deadline) return seen.splice(0).flat()
        await new Promise<void>((wake) => {
          waiting.push(wake)
          setTimeout(wake, 100)
        })
      }
    },
    seen,
  }
}

/** Save a file as many editors do: write a new file beside it, then rename it over the old one. */
function renameSave(file: string, text: string, temp = `${file}.tmp`): void {
  fs.writeFileSync(temp, text)
  fs.renameSync(temp, file)
}

describe('watchFolders', () => {
  let root: string
  let watch: FolderWatch
  let events: ReturnType<typeof batches>
  const file = () => path.join(root, 'trees', 'arguments', 'a.md')

  beforeEach(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'briefkit-watch-'))
    fs.mkdirSync(path.join(root, 'trees', 'arguments'), { recursive: true })
    fs.writeFileSync(file(), 'first')
    events = batches()
    watch = watchFolders([root], events.onChange, { onError: (message) => expect.fail(message) })
    await watch.ready
  })
  afterEach(async () => {
    await watch.close()
    fs.rmSync(root, { recursive: true, force: true })
  })

  it('reports every one of five rename-over saves of one file (the watcher lost the file after the first)', async () => {
    for (let i = 0; i < 5; i++) {
      renameSave(file(), `save ${i}`)
      expect(await events.until([file()]), `save ${i}`).toContain(file())
    }
  })

  it('names a file only once its last save of a quick burst is on disk (chokidar drops a change within 50 ms)', async () => {
    const read: string[] = []
    await watch.close()
    watch = watchFolders(
      [root],
      (paths) => {
        if (paths.includes(file())) read.push(fs.readFileSync(file(), 'utf8'))
      },
      { debounce: 0, onError: (m) => expect.fail(m) },
    )
    await watch.ready
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 4; i++) {
        renameSave(file(), `round ${round} save ${i}`)
        await new Promise((resolve) => setTimeout(resolve, 15))
      }
      const last = `round ${round} save 3`
      for (const until = Date.now() + 2000; read.at(-1) !== last && Date.now() < until; )
        await new Promise((resolve) => setTimeout(resolve, 20))
      expect(read.at(-1), `round ${round}`).toBe(last)
    }
  })

  it('reports saves by `sed -i`, by a hidden temp file renamed over, and by vim (rename to a backup, write anew)', async () => {
    for (let i = 0; i < 3; i++) {
      execFileSync('sed', ['-i', `s/first\\|sed [0-9]/sed ${i}/`, file()])
      expect(await events.until([file()]), `sed ${i}`).toContain(file())
    }
    renameSave(file(), 'hidden temp', path.join(root, 'trees', 'arguments', '.a.md.swx'))
    expect(await events.until([file()])).toContain(file())
    for (let i = 0; i < 2; i++) {
      fs.renameSync(file(), `${file()}~`)
      fs.writeFileSync(file(), `vim ${i}`)
      fs.rmSync(`${file()}~`)
      expect(await events.until([file()]), `vim ${i}`).toContain(file())
    }
  })

  it('reports a deleted file, the same file created again, and edits to it after that', async () => {
    fs.rmSync(file())
    expect(await events.until([file()])).toContain(file())
    fs.writeFileSync(file(), 'back')
    expect(await events.until([file()])).toContain(file())
    renameSave(file(), 'edited after coming back')
    expect(await events.until([file()])).toContain(file())
  })

  it('reports a new folder with files in it, then saves inside it, then its removal', async () => {
    const brief = path.join(root, 'parks')
    fs.cpSync(path.join(root, 'trees'), brief, { recursive: true })
    const copied = path.join(brief, 'arguments', 'a.md')
    expect(await events.until([copied])).toContain(copied)
    for (let i = 0; i < 2; i++) {
      renameSave(copied, `parks ${i}`)
      expect(await events.until([copied]), `save ${i}`).toContain(copied)
    }
    fs.rmSync(brief, { recursive: true })
    expect(await events.until([brief, copied])).toEqual(expect.arrayContaining([brief]))
  })

  it('reports a folder renamed, and saves in it under its new name', async () => {
    fs.renameSync(path.join(root, 'trees'), path.join(root, 'shade'))
    const moved = path.join(root, 'shade', 'arguments', 'a.md')
    expect(await events.until([moved])).toEqual(expect.arrayContaining([path.join(root, 'trees'), moved]))
    renameSave(moved, 'moved and saved')
    expect(await events.until([moved])).toContain(moved)
  })

  it('leaves out dot folders and dotfiles', async () => {
    fs.mkdirSync(path.join(root, '.git'))
    fs.writeFileSync(path.join(root, '.git', 'index'), 'x')
    fs.writeFileSync(path.join(root, '.DS_Store'), 'x')
    fs.writeFileSync(path.join(root, 'trees', '.brief.md.swp'), 'x')
    fs.appendFileSync(file(), ' more')
    const paths = await events.until([file()])
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(paths).toContain(file())
    expect([...paths, ...events.seen.flat()].filter((p) => p.includes(`${path.sep}.`))).toEqual([])
  })

  it('reports nothing once closed', async () => {
    await watch.close()
    renameSave(file(), 'after close')
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(events.seen).toEqual([])
  })
})
