import { describe, expect, it } from 'vitest'
import { listenForStop } from '../../src/dev/stop-requests.ts'

describe('listenForStop', () => {
  it('resolves with the first signal and its exit code, and hands later ones to `onAnother`', async () => {
    const stops = listenForStop()
    const others: string[] = []
    stops.onAnother((request) => others.push(`${request.reason} ${request.code}`))
    try {
      // Note: `process.emit` calls the listeners as a signal would, without sending one.
      process.emit('SIGHUP', 'SIGHUP')
      expect(await stops.first).toEqual({ reason: 'SIGHUP', code: 129 })
      process.emit('SIGINT', 'SIGINT')
      process.emit('SIGTERM', 'SIGTERM')
      expect(others).toEqual(['SIGINT 130', 'SIGTERM 143'])
    } finally {
      stops.dispose()
    }
  })

  it('listens to SIGINT, SIGTERM and SIGHUP until disposed, so Puppeteer sees listeners and leaves them be', () => {
    const before = ['SIGINT', 'SIGTERM', 'SIGHUP'].map((signal) => process.listenerCount(signal))
    const stops = listenForStop()
    expect(['SIGINT', 'SIGTERM', 'SIGHUP'].map((signal) => process.listenerCount(signal))).toEqual(before.map((n) => n + 1))
    stops.dispose()
    expect(['SIGINT', 'SIGTERM', 'SIGHUP'].map((signal) => process.listenerCount(signal))).toEqual(before)
  })
})
