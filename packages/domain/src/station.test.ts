import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allowedDays,
  checkDischarge,
  type DischargeType,
  dischargeTypes,
  isLongStay,
  isOverstay,
  stayDays,
  stayLimitDays,
  type TriageFact,
  triageFacts,
  triageIntake,
  zoneFor,
} from './station.ts';

const adult = { sex: 'male' as const, age: 40 };
const today = new Date('2026-12-02T04:00:00Z');

describe('intake triage', () => {
  it.each<[TriageFact[], string, boolean]>([
    [[], 'admit', false],
    [['suspected_mental_disorder'], 'hospital', false],
    [['infectious_disease'], 'hospital', false],
    [['critical_illness'], 'hospital', false],
    [['visible_injury'], 'hospital', false],
    [['danger_to_others'], 'police', true],
    [['suspected_drug_use'], 'police', true],
    [['suspected_fugitive'], 'police', true],
    [['visible_injury', 'suspected_fugitive'], 'hospital', true],
  ])('%j → %s (police told: %s)', (facts, route, notify) => {
    const t = triageIntake(facts);
    expect(t.route).toBe(route);
    expect(t.notifyPolice).toBe(notify);
    expect(t.reasons).toEqual(triageFacts.filter((f) => facts.includes(f)));
  });

  it('never admits anyone with a medical fact (property)', () => {
    fc.assert(
      fc.property(fc.subarray([...triageFacts]), (facts) => {
        const medical = facts.some((f) =>
          ['suspected_mental_disorder', 'infectious_disease', 'critical_illness', 'visible_injury'].includes(
            f,
          ),
        );
        if (medical) expect(triageIntake(facts).route).toBe('hospital');
        if (facts.length === 0) expect(triageIntake(facts).route).toBe('admit');
        else expect(triageIntake(facts).route).not.toBe('admit');
      }),
    );
  });
});

describe('zones', () => {
  it('puts minors apart, observation next, then by sex', () => {
    expect(zoneFor({ sex: 'female', age: 15 }, true)).toBe('minors');
    expect(zoneFor({ sex: 'female', age: 30 }, true)).toBe('medical');
    expect(zoneFor({ sex: 'female', age: 30 })).toBe('women');
    expect(zoneFor({ sex: 'male', age: 70 })).toBe('men');
    expect(zoneFor({ sex: 'unknown', age: null })).toBe('men');
  });
});

describe('stay limit', () => {
  it('is 10 days from 16 without impairment, none below 16 or with impairment', () => {
    expect(stayLimitDays(adult)).toBe(10);
    expect(stayLimitDays({ ...adult, age: 16 })).toBe(10);
    expect(stayLimitDays({ ...adult, age: 15 })).toBeNull();
    expect(stayLimitDays({ ...adult, impaired: true })).toBeNull();
    expect(stayLimitDays({ ...adult, disabled: true })).toBeNull();
  });

  it('counts calendar days in Beijing time, arrival day as day 1', () => {
    // 23:30 in Beijing on 1 Dec, then 00:30 on 2 Dec: the second day already.
    const arrived = new Date('2026-12-01T15:30:00Z');
    expect(stayDays(arrived, new Date('2026-12-01T15:45:00Z'))).toBe(1);
    expect(stayDays(arrived, new Date('2026-12-01T16:30:00Z'))).toBe(2);
    expect(stayDays(arrived, new Date('2026-12-10T15:00:00Z'))).toBe(10);
    expect(isLongStay(arrived, new Date('2026-12-10T15:00:00Z'))).toBe(false);
    expect(isLongStay(arrived, new Date('2026-12-10T17:00:00Z'))).toBe(true);
  });

  it('extensions add their days; without a limit there is no overstay', () => {
    const arrived = new Date('2026-11-20T02:00:00Z');
    expect(allowedDays(10, [{ days: 5 }, { days: 3 }])).toBe(18);
    expect(isOverstay(arrived, today, 10)).toBe(true);
    expect(isOverstay(arrived, today, allowedDays(10, [{ days: 5 }]))).toBe(false);
    expect(isOverstay(arrived, today, null)).toBe(false);
  });
});

describe('discharge', () => {
  const full: Record<DischargeType, Record<string, unknown>> = {
    self_departure: { declarationSigned: true },
    return_home_ticket: { destination: '湖南省郴州市', ticket: 'K9063 韶关—郴州' },
    escort_home: { destination: '江西省赣州市', escorts: ['张伟', '李振华'] },
    family_collection: { collectorName: '王丽', collectorResidentId: '11010519491231002X', relation: '女儿' },
    referral_hospital: { institution: '韶关市第三人民医院' },
    referral_welfare: { institution: '韶关市社会福利院' },
    outside_care: { institution: '曲江区颐康养老院' },
    placement: { note: '经公安查询无果，落户安置' },
    left_without_notice: { noticedAt: '2026-12-02T01:00:00Z' },
    assistance_ended: { reason: '多次违反站内规定' },
    death: { at: '2026-12-02T01:00:00Z', cause: '医院诊断：心力衰竭' },
  };

  it.each(dischargeTypes)('%s with its details is accepted for an adult', (type) => {
    expect(checkDischarge(type, adult, full[type], today)).toEqual({ ok: true });
  });

  it('never lets an under-16 or a disabled or impaired person leave on their own', () => {
    const d = full.self_departure;
    expect(checkDischarge('self_departure', { ...adult, age: 15 }, d, today)).toMatchObject({
      refusal: 'minor_self_discharge',
    });
    expect(checkDischarge('self_departure', { ...adult, disabled: true }, d, today)).toMatchObject({
      refusal: 'impaired_self_discharge',
    });
    expect(checkDischarge('self_departure', { ...adult, impaired: true }, d, today)).toMatchObject({
      refusal: 'impaired_self_discharge',
    });
    expect(checkDischarge('self_departure', { ...adult, age: null }, d, today)).toMatchObject({
      field: 'age',
    });
    expect(checkDischarge('family_collection', { ...adult, age: 12 }, full.family_collection, today).ok).toBe(
      true,
    );
  });

  it('refuses a missing detail and a collector ID with a wrong check digit', () => {
    expect(checkDischarge('self_departure', adult, { declarationSigned: false }, today)).toMatchObject({
      refusal: 'missing_detail',
      field: 'declarationSigned',
    });
    expect(checkDischarge('escort_home', adult, { destination: '赣州', escorts: [] }, today)).toMatchObject({
      field: 'escorts',
    });
    expect(
      checkDischarge(
        'family_collection',
        adult,
        { ...full.family_collection, collectorResidentId: '110105194912310021' },
        today,
      ),
    ).toMatchObject({ refusal: 'collector_id' });
  });

  it('under-16s never self-discharge, whatever else is true (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 15 }), fc.boolean(), fc.boolean(), (age, disabled, impaired) => {
        const r = checkDischarge(
          'self_departure',
          { sex: 'male', age, disabled, impaired },
          { declarationSigned: true },
          today,
        );
        expect(r.ok).toBe(false);
      }),
    );
  });
});
