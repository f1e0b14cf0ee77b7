import { describe, expect, it } from 'vitest';
import type { LeadState } from './lead.ts';
import {
  canSentinelReport,
  countSentinelOutcomes,
  type SentinelAction,
  type SentinelState,
  sentinelLeadOutcome,
  sentinelOrgTypeLabels,
  sentinelOrgTypes,
  sentinelStates,
  sentinelTransition,
  sentinelTrust,
  type TrustLevel,
} from './sentinel.ts';

describe('sentinel registration', () => {
  it('labels every kind of work in Chinese and English', () => {
    expect(sentinelOrgTypes.map((t) => sentinelOrgTypeLabels[t].zh)).toEqual([
      '环卫工人',
      '快递员',
      '外卖骑手',
      '公交/出租司机',
      '安保人员',
      '志愿者',
    ]);
  });

  const moves: [SentinelState, SentinelAction, SentinelState | null][] = [
    ['pending', 'approve', 'approved'],
    ['pending', 'reject', 'rejected'],
    ['pending', 'suspend', null],
    ['pending', 'reinstate', null],
    ['approved', 'suspend', 'suspended'],
    ['approved', 'approve', null],
    ['approved', 'reject', null],
    ['suspended', 'reinstate', 'approved'],
    ['suspended', 'approve', null],
    ['rejected', 'approve', null],
    ['rejected', 'reinstate', null],
  ];
  it.each(moves)('%s --%s--> %s', (from, action, to) => {
    expect(sentinelTransition(from, action)).toBe(to);
  });

  it('lets only an approved sentinel report', () => {
    expect(sentinelStates.filter(canSentinelReport)).toEqual(['approved']);
  });
});

describe('what a lead says about its reporter', () => {
  const outcomes: [LeadState, LeadState | null, string][] = [
    ['new', null, 'open'],
    ['triaged', null, 'open'],
    ['dispatched', null, 'open'],
    ['on_scene', null, 'open'],
    ['resolved', null, 'confirmed'],
    ['not_found', null, 'unconfirmed'],
    ['spam', null, 'unconfirmed'],
    ['duplicate', null, 'neutral'],
    ['closed', null, 'neutral'],
    ['closed', 'new', 'neutral'],
    ['closed', 'triaged', 'neutral'],
    ['closed', 'resolved', 'confirmed'],
    ['closed', 'not_found', 'unconfirmed'],
  ];
  it.each(outcomes)('%s (closed from %s) is %s', (state, closedFrom, outcome) => {
    expect(sentinelLeadOutcome(state, closedFrom)).toBe(outcome);
  });
});

describe('sentinel trust', () => {
  const table: [number, number, number, TrustLevel][] = [
    // confirmed, unconfirmed → score, level
    [0, 0, 0.5, 'new'],
    [2, 0, 0.67, 'new'],
    [0, 2, 0.4, 'new'],
    [3, 0, 0.71, 'trusted'],
    [6, 0, 0.8, 'highly_trusted'],
    [20, 2, 0.88, 'highly_trusted'],
    [2, 1, 0.62, 'trusted'],
    [1, 2, 0.5, 'trusted'],
    [0, 3, 0.36, 'doubtful'],
    [1, 6, 0.38, 'doubtful'],
  ];
  it.each(table)('%i confirmed, %i not → %f %s', (confirmed, unconfirmed, score, level) => {
    expect(sentinelTrust({ confirmed, unconfirmed })).toEqual({ score, level });
  });

  it('moves up with every confirmed report and down with every unconfirmed one, within 0–1', () => {
    for (let c = 0; c < 30; c++) {
      for (let u = 0; u < 30; u++) {
        const { score } = sentinelTrust({ confirmed: c, unconfirmed: u });
        expect(score).toBeGreaterThan(0);
        expect(score).toBeLessThan(1);
        expect(sentinelTrust({ confirmed: c + 1, unconfirmed: u }).score).toBeGreaterThanOrEqual(score);
        expect(sentinelTrust({ confirmed: c, unconfirmed: u + 1 }).score).toBeLessThanOrEqual(score);
      }
    }
  });

  it('counts only decided leads', () => {
    expect(
      countSentinelOutcomes([
        { state: 'new' },
        { state: 'resolved' },
        { state: 'closed', closedFrom: 'resolved' },
        { state: 'closed', closedFrom: 'triaged' },
        { state: 'spam' },
        { state: 'duplicate' },
      ]),
    ).toEqual({ confirmed: 2, unconfirmed: 1 });
  });
});
