/** The `briefkit` command (bin/briefkit.js runs this module, compiled): the CLI on the process's arguments. */
import { main } from './main.ts'

// Note: should a step wait on something that can never come (a browser call left hanging when Chromium
// died), the event loop empties with the command unfinished, and Node would end with exit 13 and no
// word; say what happened and end as the bug it is.
let finished = false
process.on('beforeExit', () => {
  if (finished) return
  console.error(
    'briefkit: internal error: a step never finished (nothing was left to wait for); the out dir is as it was\n' +
      '  hint: run it again; if it happens again, please report it with the command you ran.',
  )
  process.exitCode = 3
})
process.exitCode = await main(process.argv.slice(2))
finished = true
