import { isErrorCode } from '@warmline/domain';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildJurisdictionScenario } from '../testing/builders.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';

/**
 * Schema-violating and random input to every route, signed in and not: never a 5xx,
 * always a machine-readable error code, and nothing written.
 */
let t: TestApp;
let adminCookie: string;

beforeAll(async () => {
  t = await createTestApp();
  const s = await buildJurisdictionScenario(t.db);
  adminCookie = await t.sessionFor(s.systemAdmin.id);
});
afterAll(() => t.close());

const counts = async () =>
  (
    await t.db.execute(
      sql`SELECT (SELECT count(*) FROM event) AS events, (SELECT count(*) FROM app_user) AS users,
                 (SELECT count(*) FROM org) AS orgs, (SELECT count(*) FROM lead) AS leads, (SELECT count(*) FROM session) AS sessions,
                 (SELECT sum(failed_logins) FROM app_user) AS failures`,
    )
  ).rows[0];

const segment = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom('', '0', '-1', '440204', '99999999999999999999', "' OR 1=1 --", '%00', '..', '😀', 'null'),
  fc.uuid(),
);
/** Never null: an absent body is valid for some routes, and we want only invalid input. */
const badBody = fc.oneof(
  fc
    .dictionary(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 3 }))
    .map((o) => ({ ...o, __fuzz: true })),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { minLength: 1, maxLength: 5 }),
  fc.string({ maxLength: 50 }),
  fc.integer(),
  fc.boolean(),
);
const rawBody = fc.oneof(
  fc.constantFrom('{', '{"username":', 'nul', '[1,2', '\u0000', '{"a":1}}', 'a'.repeat(2_000_000)),
  // Non-empty: an empty body is valid "no body" for routes such as logout.
  fc.string({ minLength: 1, maxLength: 200 }),
);
const contentType = fc.constantFrom(
  'application/json',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'application/xml',
  'garbage/🙃',
);

describe('fuzzing every route', () => {
  it('requires authentication', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/users' })).statusCode).toBe(401);
  });

  it('never answers 5xx, always with an error code, and writes nothing', async () => {
    const routes = t.app.routeTable.filter(
      (r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs') && r.url !== '/api/live',
    );
    const before = await counts();
    for (const route of routes) {
      await fc.assert(
        fc.asyncProperty(
          fc.array(segment, { minLength: 2, maxLength: 2 }),
          fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 20 }), { maxKeys: 3 }),
          fc.boolean(),
          fc.oneof(
            badBody.map((b) => ({ json: b })),
            fc.tuple(rawBody, contentType).map(([raw, type]) => ({ raw, type })),
          ),
          async ([a, b], query, signedIn, body) => {
            let i = 0;
            const url = route.url.replace(/:\w+/g, () => encodeURIComponent((i++ === 0 ? a : b) ?? ''));
            const qs = new URLSearchParams({ ...query, __fuzz: '1' }).toString();
            const headers: Record<string, string> = signedIn ? { cookie: adminCookie } : {};
            const hasBody = route.method !== 'GET';
            // Serialised here: inject() would send nothing at all for a falsy payload like `false`.
            if (hasBody) headers['content-type'] = 'raw' in body ? body.type : 'application/json';
            const res = await t.app.inject({
              method: route.method as 'GET',
              url: `${url}?${qs}`,
              headers,
              ...(hasBody ? { payload: 'raw' in body ? body.raw : JSON.stringify(body.json) } : {}),
            });
            const label = `${route.method} ${url} → ${res.statusCode} ${res.body.slice(0, 200)}`;
            expect(res.statusCode, label).toBeLessThan(500);
            if (res.statusCode >= 400) expect(isErrorCode(res.json().error?.code), label).toBe(true);
          },
        ),
        { numRuns: 25 },
      );
    }
    const written = await t.db.execute(sql`SELECT action, payload, request_id FROM event`);
    expect(await counts(), JSON.stringify(written.rows)).toEqual(before);
  });

  it('an oversized body is refused with a code, not a crash', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/orgs',
      headers: { cookie: adminCookie, 'content-type': 'application/json' },
      payload: JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', message: '提交的内容过大' });
  });

  it('malformed JSON and unknown fields get a Chinese message and a request id', async () => {
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/orgs',
      headers: { cookie: adminCookie, 'content-type': 'application/json' },
      payload: '{"name": "韶关',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'INVALID_JSON', message: '请求内容不是有效的 JSON' });
    expect(bad.json().error.requestId).toBe(bad.headers['x-request-id']);
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/orgs',
      headers: { cookie: adminCookie },
      payload: { name: '新机构', kind: 'health', regionCode: '440204', owner: 'me' },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.code).toBe('VALIDATION_FAILED');
  });
});
