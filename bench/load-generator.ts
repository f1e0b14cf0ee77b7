/**
 * The load generator, run as a child process (`startLoadGenerator()` in lib.ts) so that making
 * the load does not share the server's event loop. It takes one job at a time over IPC and
 * answers with its measurements; every time it reports comes from this process's clock.
 * Load goes to 127.0.0.1 only and every job is bounded in count and time.
 */
import http from 'node:http';
import pg from 'pg';
import {
  type ClosedResult,
  type LiveResult,
  type LoadJob,
  leadBody,
  type NotifyResult,
  type OpenResult,
  post,
} from './lib.ts';

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
/** However far the server falls behind, a job gives up this long after its last request went out. */
const DRAIN_MS = 60_000;
async function drained(inFlight: Promise<unknown>[]) {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`answers still missing ${DRAIN_MS / 1000} s after the last request`)),
      DRAIN_MS,
    );
  });
  try {
    await Promise.race([Promise.all(inFlight), late]);
  } finally {
    clearTimeout(timer);
  }
}
const sleepUntil = async (due: number) => {
  const wait = due - performance.now();
  if (wait > 1) await new Promise((r) => setTimeout(r, wait));
};

async function closedLoop(job: Extract<LoadJob, { kind: 'closed' }>): Promise<ClosedResult> {
  let sent = 0;
  let failed = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: job.concurrency }, async () => {
      while (sent < job.total) {
        sent += 1;
        const res = await post(agent, job.port, job.url, leadBody(job.body), job.headers);
        if (res.status !== 201) failed += 1;
      }
    }),
  );
  if (failed) throw new Error(`${failed} of ${job.total} requests to ${job.url} failed`);
  return { perSecond: job.total / ((performance.now() - t0) / 1000) };
}

/** Requests offered at a fixed rate whatever the answers do; latency counts from when each was due. */
async function openLoop(job: Extract<LoadJob, { kind: 'open' }>): Promise<OpenResult> {
  const latencies: number[] = [];
  let failed = 0;
  const inFlight: Promise<void>[] = [];
  const start = performance.now();
  for (let i = 0; i < job.rate * job.seconds; i++) {
    const due = start + (i * 1000) / job.rate;
    await sleepUntil(due);
    inFlight.push(
      post(agent, job.port, job.url, leadBody(job.body), job.headers).then((res) => {
        if (res.status !== 201) failed += 1;
        latencies.push(performance.now() - due);
      }),
    );
  }
  await drained(inFlight);
  return { latencies, achieved: latencies.length / ((performance.now() - start) / 1000), failed };
}

/** Server-Sent Events from /api/live: calls `onChange` with each `event: change` notice. */
function openStream(
  port: number,
  cookie: string,
  onChange: (notice: { action: string; entityId: string }) => void,
): Promise<http.ClientRequest> {
  return new Promise((resolve, reject) => {
    const req = http.get(
      { host: '127.0.0.1', port, path: '/api/live', headers: { cookie, accept: 'text/event-stream' } },
      (res) => {
        if (res.statusCode !== 200) return reject(new Error(`/api/live answered ${res.statusCode}`));
        res.setEncoding('utf8');
        let buffer = '';
        res.on('data', (chunk: string) => {
          buffer += chunk;
          let end = buffer.indexOf('\n\n');
          while (end >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            end = buffer.indexOf('\n\n');
            if (block.includes(': connected')) resolve(req);
            const lines = block.split('\n');
            if (!lines.includes('event: change')) continue;
            const data = lines.find((l) => l.startsWith('data: '));
            if (data) onChange(JSON.parse(data.slice(6)));
          }
        });
      },
    );
    req.on('error', reject);
  });
}

/** Offers leads at a fixed rate and watches a dispatcher's SSE stream for each one's change. */
async function live(job: Extract<LoadJob, { kind: 'live' }>): Promise<LiveResult> {
  const received: Record<string, number> = {};
  let seen = 0;
  const stream = await openStream(job.port, job.cookie, (n) => {
    if (n.action !== 'lead.received') return;
    received[n.entityId] = performance.now();
    seen += 1;
  });
  try {
    const sent: LiveResult['sent'] = [];
    const inFlight: Promise<void>[] = [];
    const start = performance.now();
    const total = job.rate * job.seconds;
    for (let i = 0; i < total; i++) {
      await sleepUntil(start + (i * 1000) / job.rate);
      const sentAt = performance.now();
      inFlight.push(
        post(agent, job.port, job.url, leadBody(job.body), job.headers).then((res) => {
          sent.push({ body: res.body, status: res.status, sentAt, answeredAt: performance.now() });
        }),
      );
    }
    await drained(inFlight);
    const achieved = total / ((performance.now() - start) / 1000);
    // The last changes may still be on their way; wait for them, but not for ever.
    const deadline = performance.now() + 5000;
    while (seen < total && performance.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    return { sent, received, achieved };
  } finally {
    stream.destroy();
  }
}

/** The floor under live delivery: one client NOTIFYs, another LISTENs, at the same rate. */
async function notifyRoundTrip(job: Extract<LoadJob, { kind: 'notify' }>): Promise<NotifyResult> {
  const listener = new pg.Client({ connectionString: job.databaseUrl });
  // A few connections, as the app's pool has: one would queue every NOTIFY behind the last.
  const notifier = new pg.Pool({ connectionString: job.databaseUrl, max: 8 });
  await listener.connect();
  try {
    const total = job.rate * job.seconds;
    const sentAt = new Array<number>(total);
    const latencies: number[] = [];
    listener.on('notification', (msg) => {
      const i = Number(msg.payload);
      latencies.push(performance.now() - sentAt[i]!);
    });
    await listener.query('LISTEN bench_round_trip');
    const inFlight: Promise<unknown>[] = [];
    const start = performance.now();
    for (let i = 0; i < total; i++) {
      await sleepUntil(start + (i * 1000) / job.rate);
      sentAt[i] = performance.now();
      inFlight.push(notifier.query('SELECT pg_notify($1, $2)', ['bench_round_trip', String(i)]));
    }
    await drained(inFlight);
    const achieved = total / ((performance.now() - start) / 1000);
    const deadline = performance.now() + 5000;
    while (latencies.length < total && performance.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    return { latencies, achieved, lost: total - latencies.length };
  } finally {
    await Promise.all([listener.end(), notifier.end()]);
  }
}

const run = (job: LoadJob) => {
  switch (job.kind) {
    case 'closed':
      return closedLoop(job);
    case 'open':
      return openLoop(job);
    case 'live':
      return live(job);
    case 'notify':
      return notifyRoundTrip(job);
  }
};

process.on('message', (job: LoadJob) => {
  run(job).then(
    (result) => process.send!({ ok: true, result }),
    (err: unknown) => process.send!({ ok: false, error: err instanceof Error ? err.message : String(err) }),
  );
});
process.on('SIGTERM', () => {
  agent.destroy();
  process.exit(0);
});
