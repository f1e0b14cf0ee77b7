import { describe, expect, it } from 'vitest';
import { cleanToken, validateRegistration } from './validate.ts';

const good = { displayName: '王桂英', phone: '136 0251 0001', orgType: 'sanitation' as const, orgName: '' };

describe('the sentinel registration rules', () => {
  it('takes a name, a phone as people type it, and a kind of work', () => {
    expect(validateRegistration(good)).toEqual({});
    expect(validateRegistration({ ...good, phone: '+86 136-0251-0001' })).toEqual({});
  });

  it('names each missing or wrong field in Chinese', () => {
    const problems = validateRegistration({ displayName: ' ', phone: '12345', orgType: null, orgName: '' });
    expect(problems.displayName).toContain('姓名');
    expect(problems.phone).toContain('手机号');
    expect(problems.orgType).toContain('选择');
    expect(validateRegistration({ ...good, orgName: '站'.repeat(61) }).orgName).toContain('60');
  });

  it('reads a pasted token, with or without the word 口令', () => {
    expect(cleanToken('  demo-sentinel-huanwei ')).toBe('demo-sentinel-huanwei');
    expect(cleanToken('口令：demo-sentinel-huanwei')).toBe('demo-sentinel-huanwei');
    expect(cleanToken('short')).toBeNull();
    expect(cleanToken('has spaces inside it')).toBeNull();
  });
});
