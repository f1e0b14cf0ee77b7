import type pg from 'pg';
import { CHANGE_CHANNEL, type ChangeNotice } from './events.ts';

type Listener = (notice: ChangeNotice) => void;

/**
 * One LISTEN connection per process, fanned out to that process's SSE clients. Because
 * NOTIFY goes through PostgreSQL, a change made on any process reaches every process.
 * If the connection drops, it reconnects with back-off.
 */
export interface ChangeFeed {
  subscribe(listener: Listener): () => void;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function createChangeFeed(pool: pg.Pool, onError: (err: unknown) => void = () => {}): ChangeFeed {
  const listeners = new Set<Listener>();
  let client: pg.PoolClient | null = null;
  let stopped = false;
  let retry: NodeJS.Timeout | null = null;

  async function connect(): Promise<void> {
    const c = await pool.connect();
    c.on('notification', (msg) => {
      if (msg.channel !== CHANGE_CHANNEL || !msg.payload) return;
      const notice = JSON.parse(msg.payload) as ChangeNotice;
      for (const l of listeners) l(notice);
    });
    c.on('error', (err) => {
      if (client !== c) return; // already stopped or replaced
      client = null;
      c.release(true);
      if (stopped) return;
      onError(err);
      scheduleReconnect(1000);
    });
    await c.query(`LISTEN ${CHANGE_CHANNEL}`);
    client = c;
  }

  function scheduleReconnect(ms: number): void {
    if (stopped || retry) return;
    retry = setTimeout(() => {
      retry = null;
      connect().catch((err) => {
        onError(err);
        scheduleReconnect(Math.min(ms * 2, 30_000));
      });
    }, ms);
  }

  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start: connect,
    async stop() {
      stopped = true;
      if (retry) clearTimeout(retry);
      listeners.clear();
      const c = client;
      client = null;
      if (c) {
        await c.query(`UNLISTEN ${CHANGE_CHANNEL}`).catch(() => {});
        c.release(true);
      }
    },
  };
}
