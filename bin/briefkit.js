#!/usr/bin/env node
// Note: briefkit ships its TypeScript sources; tsx compiles them on the fly so a checkout runs without a build step.
import { register } from 'tsx/esm/api'

register()
const { main } = await import('../src/cli/main.ts')
process.exitCode = await main(process.argv.slice(2))
