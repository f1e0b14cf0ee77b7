import { isWithinRegion } from '@warmline/domain';
import { type App, actorOf } from '../../platform/http.ts';
import type { ChangeFeed } from '../../platform/notify.ts';

/**
 * Server-Sent Events: every committed change in the user's jurisdiction, from any
 * server process (they all LISTEN on the same PostgreSQL channel).
 */
export function liveRoutes(feed: ChangeFeed) {
  return async (app: App) => {
    // Open streams are ended before shutdown, or server.close() would wait on them forever.
    const open = new Set<() => void>();
    app.addHook('preClose', async () => {
      for (const end of open) end();
    });

    app.get(
      '',
      {
        config: { access: 'authenticated' },
        schema: { tags: ['live'], summary: 'Server-Sent Events stream of changes (event: change)' },
      },
      (request, reply) => {
        const actor = actorOf(request);
        reply.hijack();
        const res = reply.raw;
        res.writeHead(200, {
          'content-type': 'text/event-stream; charset=utf-8',
          'cache-control': 'no-cache, no-transform',
          connection: 'keep-alive',
          'x-accel-buffering': 'no',
          'x-request-id': String(request.id),
        });
        res.write(`retry: 3000\n: connected\n\n`);
        const unsubscribe = feed.subscribe((notice) => {
          if (!isWithinRegion(notice.regionCode, actor.regionCode)) return;
          res.write(`event: change\ndata: ${JSON.stringify(notice)}\n\n`);
        });
        // Proxies drop silent connections; a comment every 25 s keeps it open.
        const heartbeat = setInterval(() => res.write(': ping\n\n'), 25_000);
        const end = () => {
          clearInterval(heartbeat);
          unsubscribe();
          open.delete(end);
          res.end();
        };
        open.add(end);
        request.raw.on('close', end);
      },
    );
  };
}
