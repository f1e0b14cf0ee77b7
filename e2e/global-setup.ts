import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startServerProcess } from '../packages/server/src/testing/server-process.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/**
 * Starts Warmline the way a user does — `main.ts` on a fresh embedded PostgreSQL with the
 * demo city — and stops it (by pid) when the journeys are done.
 */
export default async function setup(project: TestProject) {
  if (!existsSync('packages/web/dist/index.html')) {
    throw new Error('packages/web/dist is missing: run `npm run build -w @warmline/web` first');
  }
  const dataDir = await mkdtemp(path.join(tmpdir(), 'warmline-e2e-'));
  const server = await startServerProcess({ DATA_DIR: dataDir, WARMLINE_DEMO: 'on' }, 120_000);
  project.provide('baseUrl', server.url);
  return async () => {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}
