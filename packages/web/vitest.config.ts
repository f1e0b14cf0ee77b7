import { defineConfig } from 'vitest/config';

// Only the build-time scripts have unit tests here; the screens are covered by e2e journeys.
export default defineConfig({
  test: { name: 'web', include: ['scripts/**/*.test.ts'], environment: 'node' },
});
