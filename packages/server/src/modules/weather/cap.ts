/**
 * CAP 1.2 (OASIS Common Alerting Protocol) as meteorological services publish it, read with
 * fast-xml-parser into what the response rules need: the message (Alert / Update / Cancel and
 * what it references), and per info block the kind and colour of the warning, when it holds,
 * and its areas (geocodes, polygons, circles). A document that is not CAP 1.2, or lacks a
 * required element, is refused with the reason — never half-read.
 */
import {
  colourOfSeverity,
  type WarningColour,
  type WarningKind,
  warningColourOf,
  warningKindOf,
} from '@warmline/domain';
import { XMLParser } from 'fast-xml-parser';

export interface CapArea {
  areaDesc: string;
  /** [lat, lng] rings, WGS-84 as CAP says. */
  polygons: [number, number][][];
  circles: { lat: number; lng: number; radiusKm: number }[];
  geocodes: { valueName: string; value: string }[];
}

export interface CapInfo {
  event: string;
  kind: WarningKind | null;
  colour: WarningColour | null;
  severity: string;
  urgency: string;
  certainty: string;
  headline: string | null;
  description: string | null;
  instruction: string | null;
  effective: Date | null;
  onset: Date | null;
  expires: Date | null;
  language: string;
  areas: CapArea[];
}

export interface CapAlert {
  identifier: string;
  sender: string;
  sent: Date;
  status: 'Actual' | 'Exercise' | 'System' | 'Test' | 'Draft';
  msgType: 'Alert' | 'Update' | 'Cancel' | 'Ack' | 'Error';
  scope: string;
  /** `sender,identifier,sent` triples of the messages this one updates or cancels. */
  references: { sender: string; identifier: string; sent: string }[];
  infos: CapInfo[];
}

export type CapResult = { ok: true; alert: CapAlert } | { ok: false; reason: string };

const CAP_ROOT =
  /<(?:[\w-]+:)?alert\b[^>]*\sxmlns(?::[\w-]+)?\s*=\s*["']urn:oasis:names:tc:emergency:cap:1\.2["']/;
const STATUSES = ['Actual', 'Exercise', 'System', 'Test', 'Draft'] as const;
const MSG_TYPES = ['Alert', 'Update', 'Cancel', 'Ack', 'Error'] as const;
/** Feeds are small; anything bigger is a mistake or an attack. */
export const MAX_CAP_BYTES = 512 * 1024;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  parseTagValue: false,
  trimValues: true,
  processEntities: false,
  isArray: (name) =>
    ['info', 'area', 'polygon', 'circle', 'geocode', 'parameter', 'eventCode'].includes(name),
});

const text = (v: unknown): string | null => {
  if (typeof v === 'string') return v.trim() || null;
  if (typeof v === 'number') return String(v);
  if (v && typeof v === 'object' && '#text' in v) return text((v as { '#text': unknown })['#text']);
  return null;
};

/** CAP dateTime: 2026-12-01T08:00:00+08:00 (a zone is required). */
function capTime(v: unknown): Date | null {
  const s = text(v);
  if (!s || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?([+-]\d{2}:\d{2}|Z)$/.test(s)) return null;
  const d = new Date(s);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** "lat,lng lat,lng …", closed (first = last) and at least four pairs, as CAP requires. */
function polygonOf(s: string): [number, number][] | null {
  const pairs = s
    .trim()
    .split(/\s+/)
    .map((p) => p.split(',').map(Number));
  if (pairs.length < 4 || pairs.some((p) => p.length !== 2 || p.some((n) => !Number.isFinite(n))))
    return null;
  const ring = pairs as [number, number][];
  const [a, z] = [ring[0]!, ring[ring.length - 1]!];
  if (a[0] !== z[0] || a[1] !== z[1]) return null;
  if (ring.some(([lat, lng]) => Math.abs(lat) > 90 || Math.abs(lng) > 180)) return null;
  return ring;
}

/** "lat,lng radius-km". */
function circleOf(s: string): CapArea['circles'][number] | null {
  const m = /^\s*(-?[\d.]+),(-?[\d.]+)\s+([\d.]+)\s*$/.exec(s);
  if (!m) return null;
  const [lat, lng, radiusKm] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!(Math.abs(lat) <= 90 && Math.abs(lng) <= 180 && radiusKm >= 0)) return null;
  return { lat, lng, radiusKm };
}

function areaOf(a: Record<string, unknown>): CapArea | string {
  const areaDesc = text(a.areaDesc);
  if (!areaDesc) return 'area without areaDesc';
  const polygons: CapArea['polygons'] = [];
  for (const p of (a.polygon as unknown[] | undefined) ?? []) {
    const ring = polygonOf(text(p) ?? '');
    if (!ring) return `malformed polygon in ${areaDesc}`;
    polygons.push(ring);
  }
  const circles: CapArea['circles'] = [];
  for (const c of (a.circle as unknown[] | undefined) ?? []) {
    const circle = circleOf(text(c) ?? '');
    if (!circle) return `malformed circle in ${areaDesc}`;
    circles.push(circle);
  }
  const geocodes = ((a.geocode as Record<string, unknown>[] | undefined) ?? []).flatMap((g) => {
    const valueName = text(g.valueName);
    const value = text(g.value);
    return valueName && value ? [{ valueName, value }] : [];
  });
  return { areaDesc, polygons, circles, geocodes };
}

function infoOf(i: Record<string, unknown>): CapInfo | string {
  const event = text(i.event);
  const severity = text(i.severity);
  if (!event) return 'info without event';
  if (!severity) return 'info without severity';
  const headline = text(i.headline);
  const areas: CapArea[] = [];
  for (const a of (i.area as Record<string, unknown>[] | undefined) ?? []) {
    const area = areaOf(a);
    if (typeof area === 'string') return area;
    areas.push(area);
  }
  const named = `${event} ${headline ?? ''}`;
  return {
    event,
    kind: warningKindOf(named),
    // The signal's own colour word wins over the severity (a feed may grade severity its own way).
    colour: warningColourOf(named) ?? colourOfSeverity[severity] ?? null,
    severity,
    urgency: text(i.urgency) ?? 'Unknown',
    certainty: text(i.certainty) ?? 'Unknown',
    headline,
    description: text(i.description),
    instruction: text(i.instruction),
    effective: capTime(i.effective),
    onset: capTime(i.onset),
    expires: capTime(i.expires),
    language: text(i.language) ?? 'en-US',
    areas,
  };
}

export function parseCap(xml: string): CapResult {
  if (Buffer.byteLength(xml, 'utf8') > MAX_CAP_BYTES) return { ok: false, reason: 'too large' };
  // No DTDs at all: CAP has none, and entity tricks are the classic XML attack.
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) return { ok: false, reason: 'DTD not allowed' };
  let doc: Record<string, unknown>;
  try {
    doc = parser.parse(xml, true) as Record<string, unknown>;
  } catch (e) {
    return { ok: false, reason: `not well-formed XML: ${(e as Error).message.split('\n')[0]}` };
  }
  const a = doc.alert as Record<string, unknown> | undefined;
  if (!a || typeof a !== 'object') return { ok: false, reason: 'no alert element' };
  // The parser drops namespace prefixes and declarations: the root's declaration is read here.
  if (!CAP_ROOT.test(xml)) return { ok: false, reason: 'not CAP 1.2' };
  const identifier = text(a.identifier);
  const sender = text(a.sender);
  const sent = capTime(a.sent);
  const status = text(a.status);
  const msgType = text(a.msgType);
  const scope = text(a.scope);
  if (!identifier) return { ok: false, reason: 'missing identifier' };
  if (!sender) return { ok: false, reason: 'missing sender' };
  if (!sent) return { ok: false, reason: 'missing or malformed sent' };
  if (!status || !(STATUSES as readonly string[]).includes(status))
    return { ok: false, reason: 'bad status' };
  if (!msgType || !(MSG_TYPES as readonly string[]).includes(msgType))
    return { ok: false, reason: 'bad msgType' };
  if (!scope) return { ok: false, reason: 'missing scope' };
  const references = (text(a.references) ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((r) => {
      const [s = '', id = '', at = ''] = r.split(',');
      return { sender: s, identifier: id, sent: at };
    });
  if ((msgType === 'Update' || msgType === 'Cancel') && !references.length)
    return { ok: false, reason: `${msgType} without references` };
  const infos: CapInfo[] = [];
  for (const i of (a.info as Record<string, unknown>[] | undefined) ?? []) {
    const info = infoOf(i);
    if (typeof info === 'string') return { ok: false, reason: info };
    infos.push(info);
  }
  if (msgType === 'Alert' && !infos.length) return { ok: false, reason: 'alert without info' };
  return {
    ok: true,
    alert: {
      identifier,
      sender,
      sent,
      status: status as CapAlert['status'],
      msgType: msgType as CapAlert['msgType'],
      scope,
      references,
      infos,
    },
  };
}
