/** The `briefkit` command (bin/briefkit.js runs this module, compiled): the CLI on the process's arguments. */
import { main } from './main.ts'

process.exitCode = await main(process.argv.slice(2))
