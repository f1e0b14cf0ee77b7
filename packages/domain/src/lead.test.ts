import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canTransition,
  isOpenLead,
  leadStates,
  normaliseTrackingCode,
  publicLeadStatus,
  trackingCodePattern,
} from './lead.ts';

describe('lead lifecycle', () => {
  it('follows the documented path and its exits', () => {
    expect(canTransition('new', 'dispatched')).toBe(true);
    expect(canTransition('dispatched', 'on_scene')).toBe(true);
    expect(canTransition('on_scene', 'resolved')).toBe(true);
    expect(canTransition('not_found', 'triaged')).toBe(true);
    expect(canTransition('spam', 'new')).toBe(true);
    expect(canTransition('resolved', 'dispatched')).toBe(false);
    expect(canTransition('closed', 'new')).toBe(false);
  });

  it('never moves a lead to the state it is in, and closed is final', () => {
    for (const s of leadStates) expect(canTransition(s, s)).toBe(false);
    for (const s of leadStates) expect(canTransition('closed', s)).toBe(false);
  });

  it('tells the public only plain statuses, and a quarantined lead looks merely received', () => {
    expect(publicLeadStatus('spam')).toBe('received');
    expect(publicLeadStatus('on_scene')).toBe('dispatched');
    expect(publicLeadStatus('resolved')).toBe('helped');
    expect(isOpenLead('on_scene')).toBe(true);
    expect(isOpenLead('resolved')).toBe(false);
  });

  it('reads back tracking codes as people type them', () => {
    expect(normaliseTrackingCode('7k2m-9pqo')).toBe('7K2M9PQ0');
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9A-HJKMNP-TV-Z]{8}$/), (code) => {
        const typed = `${code.slice(0, 4).toLowerCase()} ${code.slice(4)}`;
        return normaliseTrackingCode(typed) === code && trackingCodePattern.test(code);
      }),
    );
  });
});
