import { coverageStates } from '@warmline/domain';
import { describe, expect, it } from 'vitest';
import { coverageSummary, isUrgent, visitAge } from './coverage.ts';

describe('visitAge', () => {
  it('says never for a place nobody has checked in at', () => {
    expect(visitAge(null)).toEqual({ unit: 'never' });
  });

  it('speaks in hours for the first two days, then in whole days', () => {
    expect(visitAge(0)).toEqual({ unit: 'recent' });
    expect(visitAge(1)).toEqual({ unit: 'hours', count: 1 });
    expect(visitAge(13)).toEqual({ unit: 'hours', count: 13 });
    expect(visitAge(47)).toEqual({ unit: 'hours', count: 47 });
    expect(visitAge(48)).toEqual({ unit: 'days', count: 2 });
    expect(visitAge(75)).toEqual({ unit: 'days', count: 3 });
  });
});

describe('coverageSummary', () => {
  it('counts every state, and nothing for an empty list', () => {
    const at = (state: 'never' | 'overdue' | 'due_soon' | 'ok') => ({ coverage: { state } });
    expect(coverageSummary([at('never'), at('overdue'), at('overdue'), at('ok')])).toEqual({
      total: 4,
      never: 1,
      overdue: 2,
      due_soon: 0,
      ok: 1,
    });
    expect(coverageSummary([])).toEqual({ total: 0, never: 0, overdue: 0, due_soon: 0, ok: 0 });
  });

  it('treats never visited and overdue as urgent', () => {
    expect(coverageStates.filter(isUrgent)).toEqual(['never', 'overdue']);
  });
});
