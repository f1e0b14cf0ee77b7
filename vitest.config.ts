import { defineConfig } from 'vitest/config';

/**
 * `domain`: pure rules, milliseconds. `server`: services and routes on a real PostgreSQL —
 * the embedded one by default, or TEST_DATABASE_URL (the CI leg on 127.0.0.1:5432).
 * `web`: build-time scripts of the web package. `e2e`: journeys in Chromium against a real
 * server on a fresh embedded PostgreSQL with the demo city (`npm run build -w @warmline/web` first).
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: { name: 'domain', include: ['packages/domain/src/**/*.test.ts'], sequence: { groupOrder: 0 } },
      },
      {
        test: {
          name: 'web',
          include: ['packages/web/scripts/**/*.test.ts', 'packages/web/src/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'server',
          sequence: { groupOrder: 2 },
          include: ['packages/server/src/**/*.test.ts'],
          globalSetup: ['packages/server/src/testing/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 120_000,
          // Each file gets its own database cloned from a migrated template.
          pool: 'forks',
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: 'e2e',
          sequence: { groupOrder: 3 },
          include: ['e2e/**/*.e2e.ts'],
          globalSetup: ['e2e/global-setup.ts'],
          // A journey is a person clicking through a screen; on two shared cores one took 60 s (20 s alone).
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // A screen's answer under the whole suite on two cores can take seconds, not the 1 s
          // expect.poll waits by default; a real failure still fails, just later.
          expect: { poll: { timeout: 10_000 } },
          // One browser per file against one server: keep it gentle on a 2-core machine.
          pool: 'forks',
          maxWorkers: 2,
        },
      },
    ],
  },
});
