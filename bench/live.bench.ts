/**
 * Live delivery: a lead is accepted → its `lead.received` change reaches a dispatcher's SSE
 * stream (/api/live). The real app listens on 127.0.0.1 with its change feed (one LISTEN
 * connection fanned out to SSE clients). A child process (bench/load-generator.ts) offers leads
 * at 500/s for 5 s and holds the dispatcher's stream, so send, answer and arrival are timed on
 * one clock and outside the server's event loop. Baseline in the same run and from the same
 * child: a bare NOTIFY from one pg client to another LISTENing one, at the same rate.
 */
import { createHash, randomBytes } from 'node:crypto';
import { inArray } from 'drizzle-orm';
import type { Db } from '../packages/server/src/db/pool.ts';
import { appUser, lead, session } from '../packages/server/src/db/schema.ts';
import { uuidV7Ids } from '../packages/server/src/platform/ids.ts';
import { startLoadGenerator, withEmbeddedDatabase, withRunningApp } from './harness.ts';
import { type LiveResult, percentile } from './lib.ts';

const RATE = 500;
const SECONDS = 5;
/**
 * The hotline answer re-reads every open lead of the last 3 hours for duplicates (up to 5,000
 * rows, scored in JS), so it costs more the more leads are open: it gets a 1 s burst, run before
 * the public burst fills the table (at 500/s after the public burst it did not drain in 60 s).
 */
const HOTLINE_SECONDS = 1;
const command = 'npm run bench -- live';

/** A user with a live session, straight into the table (no sign-in, so no sign-in rate limit). */
async function signedIn(db: Db, role: 'dispatcher' | 'hotline_operator'): Promise<string> {
  const id = uuidV7Ids.next();
  await db.insert(appUser).values({
    id,
    username: `bench_${role}`,
    displayName: role,
    passwordHash: 'not-a-hash: never signs in',
    role,
    regionCode: '440200',
  });
  const token = randomBytes(32).toString('base64url');
  const now = new Date();
  await db.insert(session).values({
    tokenHash: createHash('sha256').update(token).digest('hex'),
    userId: id,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + 3_600_000),
  });
  return `wl_session=${token}`;
}

/** Send → SSE and answer → SSE for every lead; any lead whose change never came fails the bench. */
function delays(run: LiveResult, idOf: (body: string) => string | undefined) {
  const fromSend: number[] = [];
  const fromAnswer: number[] = [];
  let missing = 0;
  for (const s of run.sent) {
    if (s.status !== 201)
      throw new Error(`live: a lead was refused with ${s.status}: ${s.body.slice(0, 200)}`);
    const arrived = run.received[idOf(s.body) ?? ''];
    if (arrived === undefined) {
      missing += 1;
      continue;
    }
    fromSend.push(arrived - s.sentAt);
    fromAnswer.push(arrived - s.answeredAt);
  }
  if (missing) throw new Error(`live: ${missing} of ${run.sent.length} leads never reached the SSE stream`);
  return { fromSend, fromAnswer };
}

export async function liveBench() {
  const load = startLoadGenerator();
  try {
    return await withEmbeddedDatabase('live', 20, (d) =>
      withRunningApp(
        d,
        () => {},
        async ({ port }) => {
          const dispatcher = await signedIn(d.db, 'dispatcher');
          const hotline = await signedIn(d.db, 'hotline_operator');
          const publicRoute = { port, url: '/api/public/leads', body: 'public', cookie: dispatcher } as const;
          const hotlineRoute = {
            port,
            url: '/api/leads',
            body: 'hotline',
            cookie: dispatcher,
            headers: { cookie: hotline },
          } as const;
          // Warm-up: JIT, pool connections, the SSE path.
          await load.run({ kind: 'live', ...publicRoute, rate: 100, seconds: 1 });
          await load.run({ kind: 'notify', databaseUrl: d.url, rate: 100, seconds: 1 });

          const bare = await load.run({ kind: 'notify', databaseUrl: d.url, rate: RATE, seconds: SECONDS });
          if (bare.lost) throw new Error(`live: ${bare.lost} bare NOTIFYs never arrived`);
          const bareP99 = percentile(bare.latencies, 0.99);
          console.error(`live: bare NOTIFY done (achieved ${Math.round(bare.achieved)}/s)`);
          const bareLabel = `bare NOTIFY → LISTEN at ${RATE}/s, p99 (p50 ${percentile(bare.latencies, 0.5).toFixed(2)} ms)`;

          // The hotline route answers the lead itself, id included.
          const hot = await load.run({ kind: 'live', ...hotlineRoute, rate: RATE, seconds: HOTLINE_SECONDS });
          const h = delays(hot, (body) => (JSON.parse(body) as { id?: string }).id);
          console.error(`live: hotline route done (achieved ${Math.round(hot.achieved)}/s)`);

          // The public route answers a tracking code only; the lead's id comes from the table afterwards.
          const pub = await load.run({ kind: 'live', ...publicRoute, rate: RATE, seconds: SECONDS });
          const codes = pub.sent.map(
            (s) => (JSON.parse(s.body) as { trackingCode?: string }).trackingCode ?? '',
          );
          const rows = await d.db
            .select({ id: lead.id, trackingCode: lead.trackingCode })
            .from(lead)
            .where(inArray(lead.trackingCode, codes));
          const idByCode = new Map(rows.map((r) => [r.trackingCode, r.id]));
          const p = delays(pub, (body) =>
            idByCode.get((JSON.parse(body) as { trackingCode: string }).trackingCode),
          );

          const row = (
            route: string,
            seconds: number,
            run: LiveResult,
            x: ReturnType<typeof delays>,
            from: 'send' | 'answer',
          ) => {
            const xs = from === 'answer' ? x.fromAnswer : x.fromSend;
            const start = from === 'answer' ? '201 answer' : 'request sent';
            return {
              what: `live delivery, ${route} at ${RATE} leads/s for ${seconds} s (achieved ${Math.round(run.achieved)}/s): ${start} → \`lead.received\` on a dispatcher's SSE stream, p99 (p50 ${percentile(xs, 0.5).toFixed(1)} ms)`,
              command,
              baseline: { label: bareLabel, ms: bareP99 },
              result: { ms: percentile(xs, 0.99) },
              target: 'p99 ≤ 250 ms',
            };
          };
          return [
            row('public route POST /api/public/leads', SECONDS, pub, p, 'answer'),
            row('public route POST /api/public/leads', SECONDS, pub, p, 'send'),
            row('hotline route POST /api/leads', HOTLINE_SECONDS, hot, h, 'answer'),
            row('hotline route POST /api/leads', HOTLINE_SECONDS, hot, h, 'send'),
          ];
        },
      ),
    );
  } finally {
    await load.stop();
  }
}
