import { describe, expect, it } from 'vitest';
import { formatDateTime, groupCode } from './format.ts';
import { fitWithin } from './photo-picker.ts';
import { stepsFor } from './status.ts';
import { type FormValues, normalisePhone, validate } from './validate.ts';

const empty: FormValues = {
  descriptors: [],
  description: '',
  address: '',
  position: null,
  phone: '',
  callBack: false,
};

describe('the report form rules', () => {
  it('asks for a place and for something about the person', () => {
    const problems = validate(empty);
    expect(problems.location).toContain('请告诉我们地点');
    expect(problems.details).toContain('请至少选择一项情况');
  });

  it('takes a position or an address as the place, and a toggle or words as the details', () => {
    expect(validate({ ...empty, address: '韶关东站出站口', descriptors: ['elderly'] })).toEqual({});
    expect(validate({ ...empty, position: { lat: 24.8, lng: 113.6 }, description: '有人躺在路边' })).toEqual(
      {},
    );
    expect(validate({ ...empty, address: '   ', description: '  ' })).toMatchObject({
      location: expect.any(String),
      details: expect.any(String),
    });
  });

  it('counts the limits the server counts', () => {
    const ok = { ...empty, address: '桥', descriptors: ['group' as const] };
    expect(validate({ ...ok, description: '冷'.repeat(1000) })).toEqual({});
    expect(validate({ ...ok, description: '冷'.repeat(1001) }).description).toContain('最多 1000 个字');
    expect(validate({ ...ok, address: '桥'.repeat(201) }).address).toContain('最多 200 个字');
  });

  it('wants a number when a call-back is asked for', () => {
    const ok = { ...empty, address: '桥', descriptors: ['group' as const] };
    expect(validate({ ...ok, callBack: true }).phone).toContain('请留下电话号码');
    expect(validate({ ...ok, callBack: true, phone: '13812345678' })).toEqual({});
    expect(validate({ ...ok, phone: '12345' }).phone).toContain('电话号码格式不对');
  });

  it('accepts phone numbers the way people type them', () => {
    expect(normalisePhone('138 1234 5678')).toBe('13812345678');
    expect(normalisePhone('+86 138-1234-5678')).toBe('13812345678');
    expect(normalisePhone('8613812345678')).toBe('13812345678');
    expect(normalisePhone('0751-8123456')).toBe('07518123456');
    expect(normalisePhone('(0751) 8123 4567')).toBe('075181234567');
    expect(normalisePhone('12345')).toBeNull();
    expect(normalisePhone('1381234567x')).toBeNull();
  });
});

describe('the status page', () => {
  it('shows times in Beijing time', () => {
    const now = new Date('2026-03-01T00:00:00Z');
    expect(formatDateTime('2026-01-12T13:05:00Z', now)).toBe('1月12日 21:05');
    expect(formatDateTime('2026-01-12T16:30:00Z', now)).toBe('1月13日 00:30');
    // The year shows when it is not this year (in Beijing: 31 Dec 17:00 UTC is already 1 Jan).
    expect(formatDateTime('2025-12-31T15:59:00Z', now)).toBe('2025年12月31日 23:59');
    expect(formatDateTime('2025-12-31T16:00:00Z', now)).toBe('1月1日 00:00');
    expect(formatDateTime('not a time')).toBe('—');
  });

  it('groups a code in fours for reading aloud', () => {
    expect(groupCode('7K2M9PQ0')).toBe('7K2M 9PQ0');
  });

  it('draws four steps and never claims a step it cannot know', () => {
    const labels = (s: Parameters<typeof stepsFor>[0]) => stepsFor(s).map((x) => `${x.label}:${x.state}`);
    expect(labels('received')).toEqual([
      '已受理:current',
      '派出救助队:pending',
      '找到并救助:pending',
      '办结:pending',
    ]);
    expect(labels('dispatched')).toEqual([
      '已受理:done',
      '已派出救助队:current',
      '找到并救助:pending',
      '办结:pending',
    ]);
    expect(labels('helped')).toEqual([
      '已受理:done',
      '已派出救助队:done',
      '已找到并救助:current',
      '办结:pending',
    ]);
    expect(labels('not_found')).toEqual([
      '已受理:done',
      '已派出救助队:done',
      '未找到，将继续巡查:current',
      '办结:pending',
    ]);
    expect(labels('closed')).toEqual([
      '已受理:done',
      '派出救助队:skipped',
      '找到并救助:skipped',
      '已办结:current',
    ]);
  });
});

describe('photos shrunk on the phone', () => {
  it('fit within 1600 px on the longer side and are never enlarged', () => {
    expect(fitWithin(4032, 3024)).toEqual([1600, 1200]);
    expect(fitWithin(3024, 4032)).toEqual([1200, 1600]);
    expect(fitWithin(800, 600)).toEqual([800, 600]);
    expect(fitWithin(10_000, 1)).toEqual([1600, 1]);
  });
});
