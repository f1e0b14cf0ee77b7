/**
 * What the benchmarks and their load-generator child share: an HTTP post, percentiles, the
 * report bodies and the jobs the child runs. No server code here, so the child starts light.
 */
import http from 'node:http';

/** The value below which a fraction `p` of the samples lie (nearest rank). */
export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;
}

export const median = (xs: readonly number[]) => percentile(xs, 0.5);

export interface Posted {
  status: number;
  body: string;
}

/** POST a JSON body to 127.0.0.1 and read the whole answer. */
export function post(
  agent: http.Agent,
  port: number,
  url: string,
  body: string,
  headers: Record<string, string> = {},
): Promise<Posted> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: url,
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          ...headers,
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

export type BodyKind = 'public' | 'hotline';

/** Where a job's requests go and what they carry. */
export interface Target {
  port: number;
  url: string;
  body: BodyKind;
  headers?: Record<string, string>;
}

/** Jobs the load-generator child runs; see bench/load-generator.ts. */
export type LoadJob =
  | ({ kind: 'closed'; total: number; concurrency: number } & Target)
  | ({ kind: 'open'; rate: number; seconds: number } & Target)
  | ({ kind: 'live'; rate: number; seconds: number; cookie: string } & Target)
  | { kind: 'notify'; databaseUrl: string; rate: number; seconds: number };

export interface ClosedResult {
  perSecond: number;
}
export interface OpenResult {
  latencies: number[];
  achieved: number;
  failed: number;
}
export interface LiveResult {
  /** Per request: the answer's body, and ms from send → answer, answer → SSE, send → SSE. */
  sent: { body: string; status: number; sentAt: number; answeredAt: number }[];
  /** entityId → when its `lead.received` change arrived on the SSE stream. */
  received: Record<string, number>;
  achieved: number;
}
export interface NotifyResult {
  latencies: number[];
  achieved: number;
  lost: number;
}
export type ResultOf<J extends LoadJob> = J extends { kind: 'closed' }
  ? ClosedResult
  : J extends { kind: 'open' }
    ? OpenResult
    : J extends { kind: 'live' }
      ? LiveResult
      : NotifyResult;

let serial = 0;
/**
 * A genuine-looking report. `public`: each from a new device, so the per-device limit never
 * bites; `hotline`: what an operator logs (no device).
 */
export function leadBody(kind: BodyKind): string {
  serial += 1;
  const sighting = {
    descriptors: ['elderly', 'thin_clothing'],
    description: '风度路桥洞下有位老人，衣服很薄，一直发抖',
    address: '浈江区风度路桥洞',
    lat: 24.8044,
    lng: 113.6111,
  };
  if (kind === 'hotline') return JSON.stringify(sighting);
  const device = `0192f3a4-${String(process.pid % 10000).padStart(4, '0')}-7abc-8def-${String(serial).padStart(12, '0')}`;
  return JSON.stringify({ ...sighting, deviceToken: device });
}
