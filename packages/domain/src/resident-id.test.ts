import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ageOn,
  maskResidentId,
  parseResidentId,
  provinceCodes,
  type ResidentIdProblem,
  residentIdCheckDigit,
} from './resident-id.ts';

const today = new Date('2026-12-15T22:00:00+08:00');

describe('parseResidentId', () => {
  it('reads the GB 11643 example: address, birth date, sex, province', () => {
    expect(parseResidentId('11010519491231002X', today)).toEqual({
      ok: true,
      id: '11010519491231002X',
      birthDate: '1949-12-31',
      sex: 'female',
      addressCode: '110105',
      provinceCode: '11',
    });
  });

  // Check characters computed independently of this module.
  const valid: [string, string, string][] = [
    ['11010519491231002x', 'lower-case x normalised', '11010519491231002X'],
    [' 110105 19491231 002X ', 'spaces as people type them', '11010519491231002X'],
    ['１１０１０５１９４９１２３１００２Ｘ', 'full-width digits from an IME', '11010519491231002X'],
    ['110103198001011235', 'retired address code (崇文区)', '110103198001011235'],
    ['110104197506150048', 'retired address code (宣武区)', '110104197506150048'],
    ['460100200002290038', 'a leap day', '460100200002290038'],
    ['11010519000101001X', 'the earliest birth date', '11010519000101001X'],
    ['440304202612150018', 'born today', '440304202612150018'],
    ['710000199001010015', 'Taiwan (71)', '710000199001010015'],
    ['810000199001010019', 'Hong Kong (81)', '810000199001010019'],
    ['820000199001010010', 'Macao (82)', '820000199001010010'],
  ];
  it.each(valid)('%s is valid (%s)', (input, _why, id) => {
    const result = parseResidentId(input, today);
    expect(result.ok && result.id).toBe(id);
  });

  const invalid: [string, ResidentIdProblem, string][] = [
    ['11010519491231002', 'format', '17 characters'],
    ['11010519491231002XX', 'format', '19 characters'],
    ['1101051949123100X2', 'format', 'X not last'],
    ['11010519491231002Y', 'format', 'a letter other than X'],
    ['', 'format', 'empty'],
    ['110105194912310029', 'check_digit', 'check digit changed'],
    ['21010519491231002X', 'check_digit', 'first digit changed'],
    ['11010519491231003X', 'check_digit', 'sequence digit changed'],
    ['11010519491321002X', 'check_digit', 'two digits swapped'],
    ['440524188001010014', 'birth_date', 'the standard’s 1880 example: before 1900'],
    ['110105189912310015', 'birth_date', '1899-12-31'],
    ['110105194902290029', 'birth_date', '29 February in a common year'],
    ['110105190002290017', 'birth_date', '1900 was not a leap year'],
    ['110105194913310021', 'birth_date', 'month 13'],
    ['110105194912000021', 'birth_date', 'day 0'],
    ['440304202612160013', 'birth_date', 'tomorrow'],
    ['990105194912310023', 'province', 'province 99'],
    ['830000199001010012', 'province', '83 (a residence-permit prefix, not a province)'],
  ];
  it.each(invalid)('%s → %s (%s)', (input, reason) => {
    expect(parseResidentId(input, today)).toEqual({ ok: false, reason });
  });

  it('reads today in Asia/Shanghai, not UTC', () => {
    // 16:30 UTC on 31 December is already 1 January in Beijing.
    expect(parseResidentId('110105202701010016', new Date('2026-12-31T16:30:00Z')).ok).toBe(true);
    expect(parseResidentId('110105202701010016', new Date('2026-12-31T15:30:00Z')).ok).toBe(false);
  });

  it('tells sex from the 17th digit', () => {
    expect(parseResidentId('110103198001011235', today)).toMatchObject({ sex: 'male' });
    expect(parseResidentId('110104197506150048', today)).toMatchObject({ sex: 'female' });
  });
});

describe('check digit (property)', () => {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  const body = fc
    .record({
      province: fc.constantFrom(...provinceCodes),
      rest: fc.integer({ min: 0, max: 9999 }),
      birth: fc.date({
        min: new Date('1900-01-01T00:00:00Z'),
        max: new Date('2026-12-14T00:00:00Z'),
        noInvalidDate: true,
      }),
      sequence: fc.integer({ min: 0, max: 999 }),
    })
    .map(
      ({ province, rest, birth, sequence }) =>
        `${province}${pad(rest, 4)}${birth.toISOString().slice(0, 10).replace(/-/g, '')}${pad(sequence, 3)}`,
    );

  it('a valid body with its computed check digit parses', () => {
    fc.assert(fc.property(body, (b) => parseResidentId(b + residentIdCheckDigit(b), today).ok));
  });

  it('detects any single-character change of the body', () => {
    fc.assert(
      fc.property(body, fc.nat(16), fc.integer({ min: 1, max: 9 }), (b, i, shift) => {
        const changed = `${b.slice(0, i)}${(Number(b[i]) + shift) % 10}${b.slice(i + 1)}`;
        const result = parseResidentId(changed + residentIdCheckDigit(b), today);
        return !result.ok && result.reason === 'check_digit';
      }),
    );
  });

  it('detects a wrong check character and any swap of two different neighbours', () => {
    fc.assert(
      fc.property(body, fc.nat(15), (b, i) => {
        const check = residentIdCheckDigit(b);
        for (const c of '0123456789X')
          if (c !== check)
            expect(parseResidentId(b + c, today)).toEqual({ ok: false, reason: 'check_digit' });
        if (b[i] === b[i + 1]) return;
        const swapped = `${b.slice(0, i)}${b[i + 1]}${b[i]}${b.slice(i + 2)}`;
        expect(parseResidentId(swapped + check, today).ok).toBe(false);
      }),
    );
  });
});

describe('ageOn', () => {
  it.each([
    ['1949-12-31', '2026-12-30T12:00:00+08:00', 76],
    ['1949-12-31', '2026-12-31T00:00:00+08:00', 77],
    ['2009-01-01', '2026-12-31T23:59:00+08:00', 17],
    ['2009-01-01', '2026-12-31T16:00:00Z', 18], // midnight in Beijing
  ])('born %s, on %s → %i', (birth, at, age) => {
    expect(ageOn(birth, new Date(at))).toBe(age);
  });
});

describe('maskResidentId', () => {
  it('keeps the address code and the last four', () => {
    expect(maskResidentId('11010519491231002X')).toBe('110105********002X');
    expect(maskResidentId('11010519491231002x')).toBe('110105********002X');
    expect(maskResidentId(null)).toBeNull();
    expect(maskResidentId('1234567')).toBe('*******');
  });
});
