import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Ctx } from '../../platform/actor.ts';
import { fixedClock } from '../../platform/clock.ts';
import { createEventRecorder } from '../../platform/events.ts';
import { uuidV7Ids } from '../../platform/ids.ts';
import { buildUser } from '../../testing/builders.ts';
import { createTestDatabase, type TestDatabase } from '../../testing/test-db.ts';
import { createWarningService, type WarningService } from './warning.service.ts';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
let t: TestDatabase;
let ctx: Ctx;
const clock = fixedClock(new Date('2026-12-01T09:00:00+08:00'));
const at = (iso: string) => clock.advance(Date.parse(iso) - clock.now().getTime());
const calls: string[][] = [];
const logged: object[] = [];
let failing = false;
let warnings: WarningService;

beforeAll(async () => {
  t = await createTestDatabase();
  const user = await buildUser(t.db, { role: 'dispatcher', regionCode: '440200' });
  ctx = { actor: { id: user.id, role: 'dispatcher', regionCode: '440200' }, requestId: 'test' };
  warnings = createWarningService({
    db: t.db,
    clock,
    ids: uuidV7Ids,
    recordEvent: createEventRecorder({ clock, ids: uuidV7Ids }),
    outlines: null,
    fallbackRegion: '440200',
    afterChange: async (codes) => {
      calls.push(codes);
      if (failing) throw new Error('response module down');
    },
    log: { error: (obj) => void logged.push(obj) },
  });
});
afterAll(() => t.drop());
beforeEach(() => {
  calls.length = 0;
  logged.length = 0;
  failing = false;
});

describe('afterChange: the regions concerned, told once committed', () => {
  it('is told of a stored alert, an update (what it ended too), a cancel, but not of a duplicate', async () => {
    await warnings.ingestCap(fixture('cold-wave-red-shaoguan.xml'), 'upload', ctx);
    expect(calls).toEqual([['440200']]);
    await warnings.ingestCap(fixture('cold-wave-red-shaoguan.xml'), 'upload', ctx);
    expect(calls).toHaveLength(1);
    at('2026-12-02T07:00:00+08:00');
    await warnings.ingestCap(fixture('cold-wave-red-update.xml'), 'upload', ctx);
    expect(calls[1]).toEqual(['440200', '440222', '440224', '440281', '440282']);
    at('2026-12-03T11:00:00+08:00');
    await warnings.ingestCap(fixture('cold-wave-cancel.xml'), 'feed', null);
    expect(calls[2]).toEqual(['440222', '440224', '440281', '440282']);
  });

  it('is told of a manual entry and a forecast; its failure is logged, the change stands', async () => {
    failing = true;
    const w = await warnings.enter(ctx, {
      kind: 'low_temperature',
      colour: 'yellow',
      regionCodes: ['440281', '440282'],
      headline: '电视：寒冷黄色预警',
      effective: '2026-12-03T08:00:00+08:00',
      expires: '2026-12-04T20:00:00+08:00',
      note: '韶关电视台 08:00 滚动字幕',
    });
    expect(w).toMatchObject({ source: 'manual', description: '韶关电视台 08:00 滚动字幕', active: true });
    expect(w.activeFrom).toBe('2026-12-03T00:00:00.000Z');
    await warnings.setForecast(ctx, { regionCode: '440281', night: '2026-12-03', minC: -2 });
    expect(calls).toEqual([['440281', '440282'], ['440281']]);
    expect(logged).toHaveLength(2);
    expect((await warnings.list(ctx.actor, { active: true, limit: 10 })).items.map((x) => x.id)).toContain(
      w.id,
    );
  });

  it('refuses a manual warning that expires before it takes effect', async () => {
    await expect(
      warnings.enter(ctx, {
        kind: 'cold_wave',
        colour: 'blue',
        regionCodes: ['440200'],
        effective: '2026-12-03T08:00:00+08:00',
        expires: '2026-12-03T07:00:00+08:00',
      }),
    ).rejects.toMatchObject({ code: 'WARNING_TIMES_INVALID' });
    expect(calls).toEqual([]);
  });

  it('reads tonight and the nights after', async () => {
    for (const [night, minC] of [
      ['2026-12-03', -2],
      ['2026-12-04', 0],
      ['2026-12-05', 3],
      ['2026-12-07', 6],
    ] as const)
      await warnings.setForecast(ctx, { regionCode: '440282', night, minC });
    const got = await warnings.forecasts(ctx.actor, '2026-12-03', 3);
    expect(got.items.filter((f) => f.regionCode === '440282').map((f) => [f.night, f.minC])).toEqual([
      ['2026-12-03', -2],
      ['2026-12-04', 0],
      ['2026-12-05', 3],
    ]);
  });
});
