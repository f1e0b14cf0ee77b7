import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataDirInUseError, type EmbeddedDatabase, startEmbeddedPostgres } from './embedded.ts';

/** A real embedded PostgreSQL on its own data folder, started and stopped like `npm start` does. */
let dataDir: string;
const running = new Set<EmbeddedDatabase>();

async function start(): Promise<EmbeddedDatabase> {
  const db = await startEmbeddedPostgres(dataDir);
  running.add(db);
  return db;
}
async function stop(db: EmbeddedDatabase): Promise<void> {
  running.delete(db);
  await db.stop();
}
async function query<T extends pg.QueryResultRow>(url: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'warmline-embedded-test-'));
});
afterAll(async () => {
  for (const db of running) await db.stop().catch(() => {});
  await rm(dataDir, { recursive: true, force: true });
}, 60_000);

describe('embedded PostgreSQL', () => {
  let first: EmbeddedDatabase;
  let firstUrl: URL;

  it('starts on 127.0.0.1, not 5432, with the extensions the schema needs', async () => {
    first = await start();
    firstUrl = new URL(first.url);
    expect(firstUrl.hostname).toBe('127.0.0.1');
    expect(Number(firstUrl.port)).toBeGreaterThan(0);
    expect(firstUrl.port).not.toBe('5432');
    expect(firstUrl.pathname).toBe('/warmline');
    expect(decodeURIComponent(firstUrl.password).length).toBeGreaterThanOrEqual(16);

    expect(await query(first.url, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
    const [settings] = await query<{ listen: string; port: string; encoding: string }>(
      first.url,
      `SELECT current_setting('listen_addresses') AS listen, current_setting('port') AS port,
              pg_encoding_to_char(encoding) AS encoding
         FROM pg_database WHERE datname = current_database()`,
    );
    expect(settings).toEqual({ listen: '127.0.0.1', port: firstUrl.port, encoding: 'UTF8' });
    await query(
      first.url,
      'CREATE EXTENSION IF NOT EXISTS pg_trgm; CREATE EXTENSION IF NOT EXISTS btree_gist',
    );
    const extensions = await query<{ extname: string }>(first.url, 'SELECT extname FROM pg_extension');
    expect(extensions.map((e) => e.extname)).toEqual(expect.arrayContaining(['pg_trgm', 'btree_gist']));
    expect(await query(first.url, `SELECT similarity('浈江区', '浈江') > 0 AS close`)).toEqual([
      { close: true },
    ]);

    // The password is required: no trust authentication on the port.
    const withoutPassword = new URL(first.url);
    withoutPassword.password = '';
    await expect(query(withoutPassword.toString(), 'SELECT 1')).rejects.toThrow();
    const state = JSON.parse(await readFile(path.join(dataDir, 'embedded-pg.json'), 'utf8'));
    expect(state.port).toBe(Number(firstUrl.port));
  }, 60_000);

  it('refuses a second start on a data folder that is in use', async () => {
    await expect(startEmbeddedPostgres(dataDir)).rejects.toBeInstanceOf(DataDirInUseError);
    await expect(startEmbeddedPostgres(dataDir)).rejects.toThrow(/already running/);
    // The first server is unharmed.
    expect(await query(first.url, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
  }, 60_000);

  it('keeps data and the remembered port across a stop and a restart', async () => {
    await query(first.url, `CREATE TABLE kept (note text); INSERT INTO kept VALUES ('寒冬送温暖')`);
    await stop(first);
    expect(existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
    await expect(query(first.url, 'SELECT 1')).rejects.toThrow();

    const again = await start();
    expect(again.url).toBe(first.url);
    expect(await query(again.url, 'SELECT note FROM kept')).toEqual([{ note: '寒冬送温暖' }]);
    await stop(again);
  }, 60_000);
});
