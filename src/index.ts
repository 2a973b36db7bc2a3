/** briefkit's programmatic API. */
export { build, type BuildOptions, type BuildResult } from './orchestrate/build.ts'
export { resolveRunOptions, type RunOptions, type ResolvedRunOptions } from './orchestrate/options.ts'
export { loadConfig, type ResolvedConfig } from './config/resolve.ts'
export { defaultArgumentKinds, type ArgumentKind } from './config/kinds.ts'
export { formatDiagnostics, type Diagnostic } from './reporting/report.ts'
export { BriefkitError, UsageError } from './reporting/errors.ts'
export { startDevServer, type DevServer, type DevServerOptions } from './dev/dev-server.ts'
export { main } from './cli/main.ts'
