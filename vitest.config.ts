import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Note: builds lib/ when src/ is newer, for the tests that run bin/briefkit.js.
    globalSetup: ['tests/setup/build-lib.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
})
