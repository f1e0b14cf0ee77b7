import { describe, expect, it } from 'vitest';
import { describeOrigin, formatDistance, telHref } from './format.ts';

describe('the finder’s words', () => {
  it('tells distances as people say them', () => {
    expect(formatDistance(3)).toBe('约 10 米');
    expect(formatDistance(447)).toBe('约 450 米');
    expect(formatDistance(999)).toBe('约 1000 米');
    expect(formatDistance(2345)).toBe('约 2.3 公里');
  });

  it('says what the list is sorted by', () => {
    expect(describeOrigin({ origin: { kind: 'position', label: null }, unmatched: false })).toContain('离你');
    expect(describeOrigin({ origin: { kind: 'region', label: '曲江区' }, unmatched: false })).toBe(
      '曲江区开放的避寒点。',
    );
    expect(describeOrigin({ origin: { kind: 'shelter', label: '韶关站临时救助点' }, unmatched: false })).toBe(
      '按离「韶关站临时救助点」的距离排序。',
    );
    expect(describeOrigin({ origin: null, unmatched: true }, '火星')).toContain('没有找到「火星」');
    expect(describeOrigin({ origin: null, unmatched: false })).toContain('全市');
  });

  it('dials digits only', () => {
    expect(telHref('0751-8123401')).toBe('tel:07518123401');
    expect(telHref('139 2900 1234')).toBe('tel:13929001234');
  });
});
