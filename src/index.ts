/** briefkit's programmatic API. */

export { main } from './cli/main.ts'
export { type ArgumentKind, defaultArgumentKinds } from './config/kinds.ts'
export { loadConfig, type ResolvedConfig } from './config/resolve.ts'
export { type DevServer, type DevServerOptions, startDevServer } from './dev/dev-server.ts'
export { type BuildOptions, type BuildResult, build } from './orchestrate/build.ts'
export { type MergeOptions, merge } from './orchestrate/merge.ts'
export { type ResolvedRunOptions, type RunOptions, resolveRunOptions } from './orchestrate/options.ts'
export { BriefkitError, UsageError } from './reporting/errors.ts'
export { type Diagnostic, formatDiagnostics } from './reporting/report.ts'
