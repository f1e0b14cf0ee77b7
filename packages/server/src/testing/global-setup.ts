import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { type EmbeddedDatabase, startEmbeddedPostgres } from '../db/embedded.ts';
import { migrateDatabase } from '../db/migrate.ts';
import { createDb, createPool } from '../db/pool.ts';
import { loadRegions } from '../modules/regions/region.loader.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A server URL whose database is only used to create and drop per-file databases. */
    adminUrl: string;
    templateDb: string;
  }
}

/**
 * Starts (or reaches) PostgreSQL once for the run and builds a template database with
 * migrations and regions, so each test file clones a ready database in ~100 ms.
 */
export default async function setup(project: TestProject) {
  let embedded: EmbeddedDatabase | null = null;
  let dataDir: string | null = null;
  let adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    dataDir = await mkdtemp(path.join(tmpdir(), 'warmline-test-pg-'));
    embedded = await startEmbeddedPostgres(dataDir);
    adminUrl = embedded.url;
  }
  const templateDb = `wl_template_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${templateDb}`);
  await admin.query(`CREATE DATABASE ${templateDb}`);
  const pool = createPool(withDatabase(adminUrl, templateDb), 2);
  await migrateDatabase(pool);
  await loadRegions(createDb(pool));
  await pool.end();

  project.provide('adminUrl', adminUrl);
  project.provide('templateDb', templateDb);

  return async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${templateDb} WITH (FORCE)`);
    await admin.end();
    await embedded?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  };
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
