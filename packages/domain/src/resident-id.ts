/**
 * Resident ID numbers (公民身份号码, GB 11643-1999): a 6-digit address code, an 8-digit birth
 * date, a 3-digit sequence (odd for men) and an ISO 7064 MOD 11-2 check character. Pure: the
 * birth-date rule takes `today` as a parameter and never reads the clock.
 */

/**
 * Province-level codes (GB/T 2260). Only these two digits are checked: the other four are taken
 * as given, because a code retired by a merger (崇文区 110103, 宣武区 110104 …) stays in the IDs
 * of the people born there.
 */
export const provinceCodes: readonly string[] = [
  ...['11', '12', '13', '14', '15'],
  ...['21', '22', '23'],
  ...['31', '32', '33', '34', '35', '36', '37'],
  ...['41', '42', '43', '44', '45', '46'],
  ...['50', '51', '52', '53', '54'],
  ...['61', '62', '63', '64', '65'],
  ...['71', '81', '82'],
];

export type Sex = 'male' | 'female';

export const residentIdProblems = ['format', 'check_digit', 'birth_date', 'province'] as const;
export type ResidentIdProblem = (typeof residentIdProblems)[number];

export const residentIdProblemLabels: Record<ResidentIdProblem, { zh: string; en: string }> = {
  format: {
    zh: '身份证号应为 18 位：17 位数字加 1 位数字或 X',
    en: 'An ID number is 17 digits and a digit or X',
  },
  check_digit: { zh: '校验位不符，请核对是否输错', en: 'The check digit does not match; check for a typo' },
  birth_date: { zh: '出生日期无效', en: 'The birth date is not valid' },
  province: { zh: '前两位不是有效的省级行政区划代码', en: 'The first two digits are not a province code' },
};

export type ResidentIdResult =
  | { ok: true; id: string; birthDate: string; sex: Sex; addressCode: string; provinceCode: string }
  | { ok: false; reason: ResidentIdProblem };

/** Weight of position i is 2^(17 − i) mod 11; the check character is indexed by the sum mod 11. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';
const EARLIEST_BIRTH_DATE = '1900-01-01';

/** The check character for a 17-digit body ('X' stands for 10). */
export function residentIdCheckDigit(body: string): string {
  if (!/^\d{17}$/.test(body)) throw new RangeError(`not a 17-digit body: ${body}`);
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/**
 * The calendar day of an instant in Asia/Shanghai (UTC+8 all year: China has kept no daylight
 * saving since 1991), as YYYY-MM-DD.
 */
function shanghaiDate(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

function isCalendarDate(ymd: string): boolean {
  const [y, m, d] = ymd.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * Parses an ID as people type it: spaces anywhere, full-width digits from a Chinese IME, a
 * lower-case x. Checks run cheapest-to-explain first: the check digit before the birth date and
 * province, so a one-key typo reads as a typo.
 *
 * @example parseResidentId('11010519491231002x', today) // { ok: true, id: '11010519491231002X', birthDate: '1949-12-31', sex: 'female', … }
 */
export function parseResidentId(input: string, today: Date): ResidentIdResult {
  const id = input.normalize('NFKC').replace(/\s/g, '').toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return { ok: false, reason: 'format' };
  if (residentIdCheckDigit(id.slice(0, 17)) !== id[17]) return { ok: false, reason: 'check_digit' };
  const provinceCode = id.slice(0, 2);
  if (!provinceCodes.includes(provinceCode)) return { ok: false, reason: 'province' };
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (!isCalendarDate(birthDate) || birthDate < EARLIEST_BIRTH_DATE || birthDate > shanghaiDate(today))
    return { ok: false, reason: 'birth_date' };
  const sex: Sex = Number(id[16]) % 2 === 1 ? 'male' : 'female';
  return { ok: true, id, birthDate, sex, addressCode: id.slice(0, 6), provinceCode };
}

/** Full years of age on `today` (Asia/Shanghai) for a YYYY-MM-DD birth date. */
export function ageOn(birthDate: string, today: Date): number {
  const now = shanghaiDate(today);
  const years = Number(now.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return now.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/**
 * An ID number is sensitive: lists show it masked (address code and last four kept), and only a
 * deliberate, audited read shows it whole. 11010519491231002X → 110105********002X.
 */
export function maskResidentId(id: string | null): string | null {
  if (!id) return null;
  const s = id.toUpperCase();
  if (s.length <= 10) return '*'.repeat(s.length);
  return `${s.slice(0, 6)}${'*'.repeat(s.length - 10)}${s.slice(-4)}`;
}
