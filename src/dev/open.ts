import { spawn } from 'node:child_process'

/** Open a URL in the default browser with the platform's opener; a failure is ignored (the URL is printed). */
export function openInBrowser(url: string): void {
  const [command, args]: [string, string[]] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '""', url.replace(/&/g, '^&')]]
        : ['xdg-open', [url]]
  try {
    const child = spawn(command, args, { stdio: 'ignore', detached: true, windowsVerbatimArguments: true })
    child.on('error', () => undefined)
    child.unref()
  } catch {
    // Note: no opener on this machine (a container, a server): the URL is on the terminal anyway.
  }
}
