import { readFileSync } from 'node:fs';
import { warningColours, warningCriteria, warningKinds } from '@warmline/domain';
import { describe, expect, it } from 'vitest';
import { parseCap } from './cap.ts';
import { capAlert } from './fixtures/cap-builder.ts';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const ok = (xml: string) => {
  const r = parseCap(xml);
  if (!r.ok) throw new Error(r.reason);
  return r.alert;
};

describe('CAP 1.2', () => {
  it('reads a red cold-wave alert: message, kind, colour, times, area', () => {
    const a = ok(fixture('cold-wave-red-shaoguan.xml'));
    expect(a).toMatchObject({
      identifier: '44020041600000_20261201080000',
      msgType: 'Alert',
      status: 'Actual',
    });
    expect(a.sent.toISOString()).toBe('2026-12-01T00:00:00.000Z');
    const [info] = a.infos;
    expect(info).toMatchObject({ kind: 'cold_wave', colour: 'red', severity: 'Extreme' });
    expect(info?.expires?.toISOString()).toBe('2026-12-03T00:00:00.000Z');
    expect(info?.areas[0]?.geocodes).toEqual([{ valueName: 'GB/T 2260', value: '440200' }]);
  });

  it('reads every kind in every colour it is issued in', () => {
    for (const kind of warningKinds)
      for (const colour of warningColours) {
        if (!warningCriteria[kind][colour]) continue;
        const info = ok(capAlert({ kind, colour })).infos[0];
        expect(info, `${kind} ${colour}`).toMatchObject({ kind, colour });
      }
  });

  it('reads an update with its references, namespace prefixes and four counties', () => {
    const a = ok(fixture('cold-wave-red-update.xml'));
    expect(a.msgType).toBe('Update');
    expect(a.references).toEqual([
      {
        sender: '韶关市气象台',
        identifier: '44020041600000_20261201080000',
        sent: '2026-12-01T08:00:00+08:00',
      },
    ]);
    expect(a.infos[0]).toMatchObject({ kind: 'cold_wave', colour: 'orange' });
    expect(a.infos[0]?.areas[0]?.geocodes.map((g) => g.value)).toEqual([
      '440281',
      '440282',
      '440224',
      '440222',
    ]);
  });

  it('reads a cancel and what it ends', () => {
    const a = ok(fixture('cold-wave-cancel.xml'));
    expect(a.msgType).toBe('Cancel');
    expect(a.references[0]?.identifier).toBe('44020041600000_20261202060000');
  });

  it('reads polygons and circles as [lat, lng]', () => {
    const area = ok(fixture('blizzard-yellow-polygon.xml')).infos[0]?.areas[0];
    expect(area?.polygons[0]).toHaveLength(5);
    expect(area?.polygons[0]?.[0]).toEqual([25.3, 114.2]);
    expect(area?.circles).toEqual([{ lat: 25.12, lng: 114.31, radiusKm: 8 }]);
  });

  it('keeps an unknown region code as given (the mapping flags it for review)', () => {
    expect(ok(fixture('unknown-region.xml')).infos[0]?.areas[0]?.geocodes[0]?.value).toBe('999999');
  });

  it('refuses what is not CAP 1.2, with the reason', () => {
    expect(parseCap(fixture('malformed.xml'))).toMatchObject({ ok: false });
    expect(parseCap('<alert><identifier>x</identifier></alert>')).toEqual({
      ok: false,
      reason: 'not CAP 1.2',
    });
    expect(parseCap('not xml at all <<<')).toMatchObject({ ok: false });
    const xxe = `<?xml version="1.0"?><!DOCTYPE alert [<!ENTITY x SYSTEM "file:///etc/passwd">]>${capAlert({ kind: 'cold_wave', colour: 'red' }).replace(/^<\?xml[^>]*>/, '')}`;
    expect(parseCap(xxe)).toEqual({ ok: false, reason: 'DTD not allowed' });
    const noRefs = capAlert({ kind: 'cold_wave', colour: 'red' }).replace(
      '<msgType>Alert</msgType>',
      '<msgType>Cancel</msgType>',
    );
    expect(parseCap(noRefs)).toEqual({ ok: false, reason: 'Cancel without references' });
    const badPolygon = fixture('blizzard-yellow-polygon.xml').replace(
      '25.30,114.20</polygon>',
      '25.31,114.20</polygon>',
    );
    expect(parseCap(badPolygon)).toMatchObject({ ok: false, reason: expect.stringContaining('polygon') });
    expect(
      parseCap(`<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">${'x'.repeat(600_000)}</alert>`),
    ).toEqual({
      ok: false,
      reason: 'too large',
    });
  });
});
