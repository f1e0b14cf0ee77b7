import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskPhone, phonePattern } from './phone.ts';

describe('phone numbers', () => {
  it('accepts mobiles and landlines with area codes, nothing else', () => {
    for (const ok of ['13812345678', '0751-8123456', '07518123456', '020-12345678'])
      expect(phonePattern.test(ok), ok).toBe(true);
    for (const bad of ['1381234567', '23812345678', '8123456', '138 1234 5678'])
      expect(phonePattern.test(bad), bad).toBe(false);
  });

  it('masks the middle and never shows the whole number', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('0751-8123456')).toBe('0751****56');
    expect(maskPhone(null)).toBeNull();
    fc.assert(
      fc.property(fc.stringMatching(/^1\d{10}$/), (phone) => {
        const masked = maskPhone(phone)!;
        return masked !== phone && masked.startsWith(phone.slice(0, 3)) && masked.endsWith(phone.slice(7));
      }),
    );
  });
});
