import { z } from 'zod';
import type { Db } from '../../db/pool.ts';
import type { App } from '../../platform/http.ts';

const healthSchema = z.object({ status: z.enum(['ok', 'degraded']), database: z.enum(['ok', 'down']) });
const configSchema = z.object({ mapTileUrl: z.string(), mapAttribution: z.string(), demo: z.boolean() });

export function healthRoutes(db: Db, publicConfig: z.infer<typeof configSchema>) {
  return async (app: App) => {
    app.get(
      '/health',
      {
        config: { access: 'public' },
        schema: {
          tags: ['system'],
          summary: 'Liveness and database reachability',
          response: { 200: healthSchema, 503: healthSchema },
        },
      },
      async (_request, reply) => {
        try {
          await Promise.race([
            db.$client.query('SELECT 1'),
            new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000)),
          ]);
          return { status: 'ok' as const, database: 'ok' as const };
        } catch {
          return reply.status(503).send({ status: 'degraded', database: 'down' });
        }
      },
    );

    app.get(
      '/config',
      {
        config: { access: 'public' },
        schema: {
          tags: ['system'],
          summary: 'What the web client needs before sign-in',
          response: { 200: configSchema },
        },
      },
      async () => publicConfig,
    );
  };
}
