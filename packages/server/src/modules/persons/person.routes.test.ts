import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { event, hotspot } from '../../db/schema.ts';
import { uuidV7Ids } from '../../platform/ids.ts';
import { buildUser } from '../../testing/builders.ts';
import { buildTeam } from '../../testing/team-builders.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { namePinyin } from './pinyin.ts';

let t: TestApp;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  const patrol = (await buildUser(t.db, { role: 'patrol_member', regionCode: '440204' })).id;
  cookies.patrol = await t.sessionFor(patrol);
  cookies.station = await t.sessionFor(
    (await buildUser(t.db, { role: 'station_staff', regionCode: '440200' })).id,
  );
  cookies.wujiang = await t.sessionFor(
    (await buildUser(t.db, { role: 'station_staff', regionCode: '440203' })).id,
  );
  cookies.supervisor = await t.sessionFor(
    (await buildUser(t.db, { role: 'supervisor', regionCode: '440200' })).id,
  );
  await buildTeam(t.db, { name: '档案测试队', members: [{ userId: patrol }] });
});
afterAll(() => t.close());

const call = (who: string, method: 'GET' | 'POST', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie: cookies[who]! }, ...(payload ? { payload } : {}) });
const meet = async (over: object) =>
  (
    await call('patrol', 'POST', '/api/patrol/encounters', {
      clientId: randomUUID(),
      lat: 24.81,
      lng: 113.6,
      ...over,
    })
  ).json();

describe('persons (受助人员)', () => {
  it('turns a name into toneless pinyin and initials', () => {
    expect(namePinyin('王建国')).toEqual({ full: 'wangjianguo', initials: 'wjg' });
    expect(namePinyin('老周A')).toEqual({ full: 'laozhoua', initials: 'lza' });
    expect(namePinyin(null)).toEqual({ full: null, initials: null });
  });

  it('finds a person by characters, pinyin, initials, temporary number and features — within jurisdiction', async () => {
    const e = await meet({ identity: { name: '周德胜', homeRegion: '湖南邵阳' }, clothing: '灰色旧军大衣' });
    for (const q of ['德胜', 'zhoudesheng', 'zhoude', 'zds', e.person.tempNumber, '军大衣', '邵阳']) {
      const items = (await call('station', 'GET', `/api/persons?q=${encodeURIComponent(q)}`)).json().items;
      expect(
        items.map((p: { id: string }) => p.id),
        q,
      ).toContain(e.person.id);
    }
    const found = (await call('station', 'GET', '/api/persons?q=zds')).json().items[0];
    expect(found).toMatchObject({ encounterCount: 1, lastSeen: { lat: 24.81, lng: 113.6 } });
    expect((await call('wujiang', 'GET', '/api/persons?q=zds')).json().items).toEqual([]);
    expect((await call('station', 'GET', '/api/persons?q=')).statusCode).toBe(400);
  });

  it('finds a person by the place seen: met within 300 m of a hotspot of that name', async () => {
    await t.db.insert(hotspot).values({
      id: uuidV7Ids.next(),
      name: '测试五里亭桥下',
      kind: 'bridge_culvert',
      risk: 'high',
      regionCode: '440204',
      lat: 24.8167,
      lng: 113.6102,
    });
    const near = await meet({ lat: 24.8169, lng: 113.6104 });
    const far = await meet({ lat: 24.83, lng: 113.6102 });
    const ids = (await call('station', 'GET', `/api/persons?q=${encodeURIComponent('测试五里亭')}`))
      .json()
      .items.map((p: { id: string }) => p.id);
    expect(ids).toContain(near.person.id);
    expect(ids).not.toContain(far.person.id);
  });

  it('merges a duplicate record into another and undoes it, every encounter on the right timeline', async () => {
    const a = await meet({ identity: { name: '李四' } });
    await meet({ personId: a.person.id });
    const b = await meet({ facts: ['elderly'], clothing: '蓝色棉袄' });
    // The supervisor may look but not merge.
    expect(
      (await call('supervisor', 'POST', `/api/persons/${b.person.id}/merge`, { intoId: a.person.id }))
        .statusCode,
    ).toBe(403);
    const merged = await call('station', 'POST', `/api/persons/${b.person.id}/merge`, {
      intoId: a.person.id,
    });
    expect(merged.statusCode).toBe(200);
    expect(merged.json().moved).toBe(1);
    const kept = merged.json().person;
    expect(kept.encounters).toHaveLength(3);
    expect(kept.merged.map((m: { id: string }) => m.id)).toEqual([b.person.id]);
    // The duplicate no longer shows in search; an encounter filed under it goes to the kept record.
    expect((await call('station', 'GET', `/api/persons?q=${b.person.tempNumber}`)).json().items).toEqual([]);
    const later = await meet({ personId: b.person.id });
    expect(later.person.id).toBe(a.person.id);
    // Merging again, or into itself, is refused.
    expect(
      (await call('station', 'POST', `/api/persons/${b.person.id}/merge`, { intoId: a.person.id })).json()
        .error.code,
    ).toBe('PERSON_MERGE_INVALID');
    expect(
      (await call('station', 'POST', `/api/persons/${a.person.id}/merge`, { intoId: a.person.id })).json()
        .error.code,
    ).toBe('PERSON_MERGE_INVALID');

    const undone = await call('station', 'POST', `/api/persons/${b.person.id}/unmerge`);
    expect(undone.statusCode).toBe(200);
    expect(undone.json().encounters.map((e: { id: string }) => e.id)).toEqual([b.id]);
    expect((await call('station', 'GET', `/api/persons/${a.person.id}`)).json().encounters).toHaveLength(3);
    expect((await call('station', 'POST', `/api/persons/${b.person.id}/unmerge`)).json().error.code).toBe(
      'PERSON_NOT_MERGED',
    );
    const audit = await t.db.select().from(event).where(eq(event.entityId, b.person.id));
    expect(audit.map((x) => x.action).sort()).toEqual(['person.created', 'person.merged', 'person.unmerged']);
  });

  it('does not merge across jurisdictions', async () => {
    const a = await meet({});
    const b = await meet({});
    expect(
      (await call('wujiang', 'POST', `/api/persons/${b.person.id}/merge`, { intoId: a.person.id }))
        .statusCode,
    ).toBe(404);
  });
});
