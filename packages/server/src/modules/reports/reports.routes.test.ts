import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { event } from '../../db/schema.ts';
import { buildOrg, buildUser } from '../../testing/builders.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { rollup } from '../stats/rollup.ts';

/**
 * 报送 through the API, the test clock at 2026-12-15: the city runs a campaign, 浈江区 files its
 * November return, the city sends it back with a comment, 浈江区 fixes and resubmits, the city
 * approves; a late offline encounter shows as a difference and never changes the frozen figures.
 */
let t: TestApp;
let city = '';
let county = '';
let sibling = '';
let supervisor = '';
let campaignId = '';

async function ev(action: string, region: string, at: string, payload: Record<string, unknown>) {
  await t.db.execute(sql`INSERT INTO event (id, at, action, entity_type, entity_id, region_code, payload)
    VALUES (${randomUUID()}, ${at}::timestamptz, ${action}, 'encounter', ${randomUUID()}, ${region}, ${JSON.stringify(payload)}::jsonb)`);
}
const subject = (sex: string, homeProvince = '43') => ({
  personId: randomUUID(),
  sex,
  ageGroup: '60plus',
  health: 'sick',
  homeProvince,
  groups: ['elderly'],
});

const req = (cookie: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie }, ...(payload !== undefined ? { payload } : {}) });

beforeAll(async () => {
  t = await createTestApp();
  city = await t.sessionFor((await buildUser(t.db, { role: 'bureau_admin', regionCode: '440200' })).id);
  county = await t.sessionFor(
    (await buildUser(t.db, { role: 'bureau_admin', regionCode: '440204', displayName: '李志强' })).id,
  );
  sibling = await t.sessionFor((await buildUser(t.db, { role: 'bureau_admin', regionCode: '440203' })).id);
  supervisor = await t.sessionFor((await buildUser(t.db, { role: 'supervisor', regionCode: '440200' })).id);
  await buildOrg(t.db, { name: '韶关市浈江区民政局', kind: 'bureau', regionCode: '440204' });
  await ev('encounter.recorded', '440204', '2026-11-10T21:00:00+08:00', {
    category: 'onsite_relief',
    subject: subject('male'),
  });
  await ev('encounter.recorded', '440204', '2026-11-20T22:00:00+08:00', {
    category: 'to_station',
    subject: subject('female', '44'),
  });
  await ev('supply.distributed', '440204', '2026-11-20T22:10:00+08:00', { byKind: { coat: 2, food: 3 } });
  await ev('encounter.recorded', '440203', '2026-11-12T21:00:00+08:00', {
    category: 'onsite_relief',
    subject: subject('male'),
  });
  await rollup(t.db);
});
afterAll(() => t.close());

describe('/api/reports', () => {
  it('requires authentication', async () => {
    for (const url of ['/api/reports/campaigns', `/api/reports/submissions/${randomUUID()}`]) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(401);
    }
  });

  it('the city creates a campaign with its calendar; a county sees it read-only', async () => {
    const bad = await req(city, 'POST', '/api/reports/campaigns', {
      name: '倒着的行动',
      regionCode: '440200',
      startsOn: '2027-03-15',
      endsOn: '2026-10-15',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('CAMPAIGN_DATES_INVALID');
    const res = await req(city, 'POST', '/api/reports/campaigns', {
      name: '2026—2027年度韶关市寒冬送温暖专项救助行动',
      regionCode: '440200',
      startsOn: '2026-10-15',
      endsOn: '2027-02-28',
    });
    expect(res.statusCode, res.body).toBe(201);
    campaignId = res.json().id;
    expect(res.json()).toMatchObject({
      monthlyDueDay: 5,
      finalDueDays: 10,
      canEdit: true,
      regionName: '韶关市',
    });
    expect(res.json().periods.map((p: { period: string }) => p.period)).toEqual([
      '2026-10',
      '2026-11',
      '2026-12',
      '2027-01',
      '2027-02',
      'final',
    ]);

    const seen = await req(county, 'GET', '/api/reports/campaigns');
    expect(seen.json().items.map((c: { id: string }) => c.id)).toContain(campaignId);
    expect(seen.json().items.find((c: { id: string }) => c.id === campaignId).canEdit).toBe(false);
    const ro = await req(county, 'POST', `/api/reports/campaigns/${campaignId}/extend`, {
      endsOn: '2027-03-31',
    });
    expect(ro.statusCode).toBe(403);
    expect(ro.json().error.code).toBe('CAMPAIGN_READ_ONLY');
  });

  it('extends only to a later end, and the calendar follows (event recorded)', async () => {
    const same = await req(city, 'POST', `/api/reports/campaigns/${campaignId}/extend`, {
      endsOn: '2027-02-28',
    });
    expect(same.statusCode).toBe(409);
    expect(same.json().error.code).toBe('CAMPAIGN_EXTEND_NOT_LATER');
    const res = await req(city, 'POST', `/api/reports/campaigns/${campaignId}/extend`, {
      endsOn: '2027-03-15',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().endsOn).toBe('2027-03-15');
    expect(res.json().periods.at(-2)).toEqual({
      period: '2027-03',
      kind: 'monthly',
      from: '2027-03-01',
      to: '2027-03-15',
      dueOn: '2027-04-05',
    });
    expect(res.json().periods.at(-1)).toMatchObject({ period: 'final', dueOn: '2027-03-25' });
    const evs = await t.db
      .select()
      .from(event)
      .where(and(eq(event.entityType, 'campaign'), eq(event.entityId, campaignId)));
    expect(evs.map((e) => e.action).sort()).toEqual(['campaign.created', 'campaign.extended']);
  });

  let subId = '';
  it('a county generates its November return: a draft with the figures the stats API gives', async () => {
    const notEnded = await req(county, 'POST', `/api/reports/campaigns/${campaignId}/submissions`, {
      regionCode: '440204',
      period: '2026-12',
    });
    expect(notEnded.statusCode).toBe(409);
    expect(notEnded.json().error.code).toBe('PERIOD_NOT_ENDED');
    const notInCalendar = await req(county, 'POST', `/api/reports/campaigns/${campaignId}/submissions`, {
      regionCode: '440204',
      period: '2026-09',
    });
    expect(notInCalendar.json().error.code).toBe('PERIOD_NOT_IN_CALENDAR');
    const forOther = await req(city, 'POST', `/api/reports/campaigns/${campaignId}/submissions`, {
      regionCode: '440204',
      period: '2026-11',
    });
    expect(forOther.statusCode).toBe(403);
    expect(forOther.json().error.code).toBe('SUBMISSION_NOT_OWN_REGION');

    const res = await req(county, 'POST', `/api/reports/campaigns/${campaignId}/submissions`, {
      regionCode: '440204',
      period: '2026-11',
    });
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json();
    subId = s.id;
    expect(s).toMatchObject({
      state: 'draft',
      version: 1,
      period: '2026-11',
      from: '2026-11-01',
      to: '2026-11-30',
      dueOn: '2026-12-05',
      overdue: true,
      title: '韶关市浈江区2026年11月寒冬送温暖专项救助情况月报表',
      reportingUnit: '韶关市浈江区民政局',
      reviewerRegionCode: '440200',
      can: { edit: true, submit: true, review: false },
      changes: [],
    });
    const stats = (await req(county, 'GET', '/api/stats/figures?from=2026-11-01&to=2026-11-30')).json();
    expect(s.figures.values).toEqual(stats.figures);
    expect(s.figures.breakdowns).toEqual(stats.breakdowns);
    expect(s.figures.values).toMatchObject({ assisted: 2, street_assisted: 2, items_distributed: 5 });
    expect(s.figures.breakdowns.assisted).toMatchObject({ 'sex:male': 1, 'sex:female': 1, 'province:43': 1 });
    // Generating again while draft refreshes the same row.
    const again = await req(county, 'POST', `/api/reports/campaigns/${campaignId}/submissions`, {
      regionCode: '440204',
      period: '2026-11',
    });
    expect(again.json().id).toBe(subId);
  });

  it('a sibling county never sees it (404), nor files for it', async () => {
    expect((await req(sibling, 'GET', `/api/reports/submissions/${subId}`)).statusCode).toBe(404);
    expect((await req(sibling, 'GET', `/api/reports/submissions/${subId}/export.xlsx`)).statusCode).toBe(404);
    expect(
      (await req(sibling, 'PATCH', `/api/reports/submissions/${subId}`, { remarks: 'x' })).statusCode,
    ).toBe(404);
    expect(
      (await req(sibling, 'GET', `/api/reports/campaigns/${campaignId}/returns?region=440204`)).statusCode,
    ).toBe(404);
    const gen = await req(sibling, 'POST', `/api/reports/campaigns/${campaignId}/submissions`, {
      regionCode: '440204',
      period: '2026-11',
    });
    expect(gen.statusCode).toBe(404);
  });

  it('submits only with 填报人; then it is frozen for the county', async () => {
    const noName = await req(county, 'POST', `/api/reports/submissions/${subId}/submit`);
    expect(noName.statusCode).toBe(400);
    expect(noName.json().error.code).toBe('FILLED_BY_REQUIRED');
    const edited = await req(county, 'PATCH', `/api/reports/submissions/${subId}`, {
      remarks: '本月寒潮两次，加密夜间巡查。',
      filledBy: '李志强',
    });
    expect(edited.json()).toMatchObject({ filledBy: '李志强', remarks: '本月寒潮两次，加密夜间巡查。' });
    const early = await req(city, 'POST', `/api/reports/submissions/${subId}/approve`);
    expect(early.json().error.code).toBe('SUBMISSION_NOT_SUBMITTED');
    const sent = await req(county, 'POST', `/api/reports/submissions/${subId}/submit`);
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json()).toMatchObject({
      state: 'submitted',
      version: 1,
      can: { edit: false, review: false },
    });
    for (const [method, url, body] of [
      ['PATCH', `/api/reports/submissions/${subId}`, { remarks: '改' }],
      ['POST', `/api/reports/submissions/${subId}/regenerate`, undefined],
      ['POST', `/api/reports/submissions/${subId}/submit`, undefined],
      [
        'POST',
        `/api/reports/campaigns/${campaignId}/submissions`,
        { regionCode: '440204', period: '2026-11' },
      ],
    ] as const) {
      const res = await req(county, method, url, body);
      expect(res.statusCode, url).toBe(409);
      expect(res.json().error.code, url).toBe('SUBMISSION_NOT_EDITABLE');
    }
    const self = await req(county, 'POST', `/api/reports/submissions/${subId}/approve`);
    expect(self.statusCode).toBe(403);
    expect(self.json().error.code).toBe('REVIEW_NOT_PARENT');
    expect((await req(city, 'GET', `/api/reports/submissions/${subId}`)).json().can.review).toBe(true);
    expect((await req(supervisor, 'GET', `/api/reports/submissions/${subId}`)).json().can.review).toBe(false);
  });

  it('the city returns it only with a comment; the county fixes and resubmits as version 2', async () => {
    const bare = await req(city, 'POST', `/api/reports/submissions/${subId}/return`, { comment: '  ' });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().error.code).toBe('RETURN_COMMENT_REQUIRED');
    const back = await req(city, 'POST', `/api/reports/submissions/${subId}/return`, {
      comment: '请补充未成年人救助情况说明。',
    });
    expect(back.json()).toMatchObject({ state: 'returned', reviewComment: '请补充未成年人救助情况说明。' });
    const seen = (await req(county, 'GET', `/api/reports/submissions/${subId}`)).json();
    expect(seen).toMatchObject({ state: 'returned', can: { edit: true, submit: true } });
    // A late offline encounter of 30 November arrives; regenerating picks it up.
    await ev('encounter.recorded', '440204', '2026-11-30T23:00:00+08:00', {
      category: 'protective',
      subject: { ...subject('male'), ageGroup: 'under16', groups: ['minor'] },
    });
    const fresh = await req(county, 'POST', `/api/reports/submissions/${subId}/regenerate`);
    expect(fresh.json().figures.values.assisted).toBe(3);
    await req(county, 'PATCH', `/api/reports/submissions/${subId}`, {
      remarks: '本月寒潮两次；救助未成年人 1 人次，已护送至救助站。',
    });
    const resent = await req(county, 'POST', `/api/reports/submissions/${subId}/submit`);
    expect(resent.json()).toMatchObject({ state: 'submitted', version: 2 });
    const ok = await req(city, 'POST', `/api/reports/submissions/${subId}/approve`);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ state: 'approved', version: 2, changes: [] });
    expect(ok.json().history.map((h: { action: string }) => h.action)).toEqual([
      'submission.generated',
      'submission.generated',
      'submission.edited',
      'submission.submitted',
      'submission.returned',
      'submission.generated',
      'submission.edited',
      'submission.submitted',
      'submission.approved',
    ]);
    expect(ok.json().history[4]).toMatchObject({ comment: '请补充未成年人救助情况说明。' });
    const again = await req(city, 'POST', `/api/reports/submissions/${subId}/approve`);
    expect(again.json().error.code).toBe('SUBMISSION_NOT_SUBMITTED');
  });

  it('an approved return is frozen: a later correction shows as a difference, not a change', async () => {
    await ev('encounter.recorded', '440204', '2026-11-29T20:00:00+08:00', {
      category: 'onsite_relief',
      subject: subject('female'),
    });
    const s = (await req(city, 'GET', `/api/reports/submissions/${subId}`)).json();
    expect(s.figures.values.assisted).toBe(3);
    expect(s.changes).toContainEqual({ figure: 'assisted', dim: '', was: 3, now: 4 });
    expect(s.changes).toContainEqual({ figure: 'assisted', dim: 'sex:female', was: 1, now: 2 });
  });

  it('the city sees each county per period, overdue flagged', async () => {
    const res = await req(city, 'GET', `/api/reports/campaigns/${campaignId}/returns`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.region).toEqual({ code: '440200', name: '韶关市' });
    expect(body.today).toBe('2026-12-15');
    expect(body.children).toHaveLength(10);
    const zj = body.children.find((c: { code: string }) => c.code === '440204');
    const oct = zj.cells.find((c: { period: string }) => c.period === '2026-10');
    const nov = zj.cells.find((c: { period: string }) => c.period === '2026-11');
    const dec = zj.cells.find((c: { period: string }) => c.period === '2026-12');
    expect(oct).toMatchObject({ state: null, overdue: true, dueOn: '2026-11-05' });
    expect(nov).toMatchObject({ submissionId: subId, state: 'approved', version: 2, overdue: false });
    expect(dec).toMatchObject({ state: null, overdue: false });
    // The city's own returns go to the province.
    expect(body.own.map((c: { period: string }) => c.period)).toContain('final');
    const mine = (await req(county, 'GET', `/api/reports/campaigns/${campaignId}/returns`)).json();
    expect(mine.region.code).toBe('440204');
    expect(mine.children).toEqual([]);
    expect(mine.own.find((c: { period: string }) => c.period === '2026-11').state).toBe('approved');
  });

  it('exports the return as an Excel workbook with the API’s figures, and audits the download', async () => {
    const api = (await req(supervisor, 'GET', `/api/reports/submissions/${subId}`)).json();
    const res = await req(supervisor, 'GET', `/api/reports/submissions/${subId}/export.xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(
      encodeURIComponent('韶关市浈江区2026年11月寒冬送温暖专项救助情况月报表.xlsx'),
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => [w.name, w.state])).toEqual([
      ['报表', 'visible'],
      ['指标说明', 'visible'],
    ]);
    const sheet = book.getWorksheet('报表')!;
    const rows: (string | number)[][] = [];
    sheet.eachRow((r) => rows.push((r.values as (string | number)[]).slice(1)));
    const text = rows.flat().join('|');
    expect(rows[0]![0]).toBe('韶关市浈江区2026年11月寒冬送温暖专项救助情况月报表');
    for (const s of [
      '填报单位：韶关市浈江区民政局',
      '填报人：李志强',
      '填报日期：2026-12-15',
      '2026-11-01 至 2026-11-30',
    ])
      expect(text).toContain(s);
    const figure = (name: string) => rows.find((r) => r[1] === name);
    expect(figure('救助人次')).toEqual([1, '救助人次', '人次', api.figures.values.assisted]);
    expect(figure('街面救助人次')![3]).toBe(api.figures.values.street_assisted);
    expect(figure('发放物资件数')).toEqual([9, '发放物资件数', '件', 5]);
    expect(figure('线索到场时长中位数')![3]).toBe('—');
    // Breakdown tables: sex, then provinces by name, items by kind.
    const section = (title: string) => rows.findIndex((r) => String(r[0]).endsWith(title));
    const sex = section('救助人次按性别');
    expect(rows.slice(sex + 2, sex + 5)).toEqual([
      [1, '男', '人次', 2],
      [2, '女', '人次', 1],
      [3, '不详', '人次', 0],
    ]);
    const prov = section('救助人次按户籍省份');
    expect(rows.slice(prov + 2, prov + 4).map((r) => r[1])).toEqual(['湖南', '广东']);
    const items = section('发放物资按种类');
    expect(rows.slice(items + 2, items + 9).filter((r) => Number(r[3]) > 0)).toEqual([
      [2, '棉衣', '件', 2],
      [5, '食物', '件', 3],
    ]);
    // No personal data: no person ids, names or ID numbers, only figures.
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    const audit = await t.db
      .select()
      .from(event)
      .where(and(eq(event.action, 'submission.exported'), eq(event.entityId, subId)));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.payload).toMatchObject({ format: 'xlsx', version: 2 });
  });

  it('prints a one-page PDF brief for leaders', async () => {
    const res = await req(city, 'GET', `/api/reports/submissions/${subId}/brief.pdf`);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toContain('application/pdf');
    const pdf = res.rawPayload.toString('latin1');
    expect(pdf.startsWith('%PDF-')).toBe(true);
    expect(pdf.match(/\/Type \/Page\b/g)).toHaveLength(1);
  });
});
