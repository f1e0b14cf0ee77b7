import { describe, expect, it } from 'vitest';
import { screeningOutcome, screeningRates } from './spam-field.ts';

describe('screeningOutcome', () => {
  it('reads the screening verdict at intake against where the lead stands now', () => {
    expect(screeningOutcome({ screenedSpam: true, state: 'spam' })).toBe('held');
    expect(screeningOutcome({ screenedSpam: true, state: 'dispatched' })).toBe('restored');
    expect(screeningOutcome({ screenedSpam: false, state: 'spam' })).toBe('missed');
    expect(screeningOutcome({ screenedSpam: false, state: 'closed' })).toBe('passed');
  });
});

describe('screeningRates', () => {
  it('gives the share of spam caught and of genuine reports quarantined', () => {
    expect(screeningRates({ held: 19, missed: 1, restored: 1, passed: 199 })).toEqual({
      caught: 0.95,
      wronged: 0.005,
      onTarget: true,
    });
    const short = screeningRates({ held: 18, missed: 2, restored: 3, passed: 97 });
    expect(short).toEqual({ caught: 0.9, wronged: 0.03, onTarget: false });
  });

  it('knows nothing, and claims no target, before there is anything to count', () => {
    expect(screeningRates({ held: 0, missed: 0, restored: 0, passed: 0 })).toEqual({
      caught: null,
      wronged: null,
      onTarget: false,
    });
    expect(screeningRates({ held: 5, missed: 0, restored: 0, passed: 0 }).onTarget).toBe(false);
  });
});
