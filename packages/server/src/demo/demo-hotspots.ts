import { CHECKIN_MAX_DISTANCE_M, distanceMeters, type HotspotKind, type HotspotRisk } from '@warmline/domain';
import type { Tx } from '../db/pool.ts';
import { hotspot, hotspotCheckin } from '../db/schema.ts';
import { createEventRecorder } from '../platform/events.ts';
import type { Ids } from '../platform/ids.ts';
import type { SeededTeam } from './demo-dispatches.ts';
import { seededRandom } from './random.ts';

/**
 * The demo city's hotspots (重点区域): the places its leads come from, each with the check-ins
 * of the district's team over the past week. `lastHours` is how long ago the last visit was, so
 * the coverage screen shows a true mix: covered, due soon, overdue, and the two county places
 * no team reaches (乳源, 始兴) never visited.
 */
interface DemoHotspot {
  name: string;
  kind: HotspotKind;
  risk: HotspotRisk;
  regionCode: string;
  address: string;
  lat: number;
  lng: number;
  usualCount: number;
  notes?: string;
  /** Hours since the last check-in; null: never visited. */
  lastHours: number | null;
}

export const demoHotspots: DemoHotspot[] = [
  {
    name: '韶关站站前广场',
    kind: 'station_square',
    risk: 'high',
    regionCode: '440204',
    address: '浈江区韶关站站前广场',
    lat: 24.8131,
    lng: 113.6047,
    usualCount: 4,
    notes: '售票厅东侧屋檐下夜间常有三四人过夜',
    lastHours: 3,
  },
  {
    name: '五里亭桥下',
    kind: 'bridge_culvert',
    risk: 'high',
    regionCode: '440204',
    address: '浈江区风度路五里亭桥下',
    lat: 24.8167,
    lng: 113.6102,
    usualCount: 2,
    notes: '桥墩旁有纸板铺位',
    lastHours: 14,
  },
  {
    name: '东堤路地下通道',
    kind: 'underpass',
    risk: 'medium',
    regionCode: '440204',
    address: '浈江区东河街道东堤路地下通道',
    lat: 24.8083,
    lng: 113.6036,
    usualCount: 1,
    lastHours: 20,
  },
  {
    name: '沙洲尾公园',
    kind: 'park',
    risk: 'medium',
    regionCode: '440203',
    address: '武江区沙洲尾公园',
    lat: 24.8034,
    lng: 113.5842,
    usualCount: 1,
    notes: '凉亭和江边长椅',
    lastHours: 9,
  },
  {
    name: '西河桥桥洞',
    kind: 'bridge_culvert',
    risk: 'high',
    regionCode: '440203',
    address: '武江区西河桥桥洞',
    lat: 24.8051,
    lng: 113.5911,
    usualCount: 3,
    notes: '汛期水位高时人会挪到桥头',
    lastHours: 30,
  },
  {
    name: '芙蓉新城自助银行',
    kind: 'atm_lobby',
    risk: 'low',
    regionCode: '440203',
    address: '武江区芙蓉新城自助银行',
    lat: 24.7812,
    lng: 113.5703,
    usualCount: 1,
    lastHours: 40,
  },
  {
    name: '马坝镇汽车站',
    kind: 'station_square',
    risk: 'medium',
    regionCode: '440205',
    address: '曲江区马坝镇汽车站',
    lat: 24.6823,
    lng: 113.6042,
    usualCount: 2,
    lastHours: 6,
  },
  {
    name: '韶关东站出站口',
    kind: 'station_square',
    risk: 'high',
    regionCode: '440205',
    address: '韶关东站出站口',
    lat: 24.7706,
    lng: 113.6371,
    usualCount: 2,
    notes: '末班车后滞留旅客',
    lastHours: 11,
  },
  {
    name: '人民路天桥下',
    kind: 'bridge_culvert',
    risk: 'medium',
    regionCode: '440281',
    address: '乐昌市人民路天桥下',
    lat: 25.1293,
    lng: 113.3502,
    usualCount: 1,
    lastHours: 16,
  },
  {
    name: '南雄汽车客运站',
    kind: 'station_square',
    risk: 'medium',
    regionCode: '440282',
    address: '南雄市汽车客运站',
    lat: 25.1176,
    lng: 114.3087,
    usualCount: 1,
    lastHours: 50,
  },
  {
    name: '乳源县城在建工地',
    kind: 'construction_site',
    risk: 'low',
    regionCode: '440232',
    address: '乳源县城在建工地旁',
    lat: 24.7763,
    lng: 113.2761,
    usualCount: 2,
    notes: '工棚内有外地务工人员借住',
    lastHours: null,
  },
  {
    name: '太平镇废弃房屋',
    kind: 'abandoned_building',
    risk: 'high',
    regionCode: '440222',
    address: '始兴县太平镇城乡结合部废弃房屋',
    lat: 24.9506,
    lng: 114.0634,
    usualCount: 1,
    lastHours: null,
  },
];

/** Inserts the hotspots and a week of check-ins by the district's team, each with its event. */
export async function seedDemoHotspots(
  tx: Tx,
  ids: Ids,
  now: Date,
  teams: SeededTeam[],
  requestId: string,
): Promise<void> {
  const random = seededRandom(20261201);
  let at = now;
  const recordAt = createEventRecorder({ clock: { now: () => at }, ids });
  const intervalHours: Record<HotspotRisk, number> = { high: 8, medium: 18, low: 48 };
  for (const h of demoHotspots) {
    const id = ids.next();
    const team = teams.find((t) => t.regionCode === h.regionCode);
    // A week of visits, oldest first; the phone's fix lands within ~150 m, now and then farther.
    const visits: { at: Date; lat: number; lng: number; distanceM: number; peopleSeen: number }[] = [];
    if (team && h.lastHours !== null)
      for (let ago = h.lastHours; ago < 7 * 24; ago += intervalHours[h.risk] * (0.6 + random() * 0.8)) {
        const spread = (random() < 0.08 ? 0.006 : 0.0012) * (random() - 0.5);
        const pos = { lat: h.lat + spread, lng: h.lng + spread };
        const peopleSeen = Math.max(0, h.usualCount + Math.round((random() - 0.5) * 2));
        const distanceM = Math.round(distanceMeters(pos, h));
        visits.unshift({ at: new Date(now.getTime() - ago * 3_600_000), ...pos, distanceM, peopleSeen });
      }
    const valid = visits.filter((v) => v.distanceM <= CHECKIN_MAX_DISTANCE_M);
    const created = new Date(now.getTime() - 30 * 24 * 3_600_000);
    await tx.insert(hotspot).values({
      id,
      name: h.name,
      kind: h.kind,
      risk: h.risk,
      regionCode: h.regionCode,
      address: h.address,
      lat: h.lat,
      lng: h.lng,
      usualCount: valid.at(-1)?.peopleSeen ?? h.usualCount,
      notes: h.notes ?? null,
      lastVisitedAt: valid.at(-1)?.at ?? null,
      createdAt: created,
      updatedAt: created,
    });
    at = created;
    await recordAt(
      tx,
      { actorId: null, requestId },
      {
        action: 'hotspot.created',
        entityType: 'hotspot',
        entityId: id,
        regionCode: h.regionCode,
        payload: { kind: h.kind, risk: h.risk },
      },
    );
    for (const v of visits) {
      at = v.at;
      const tooFar = v.distanceM > CHECKIN_MAX_DISTANCE_M;
      await tx.insert(hotspotCheckin).values({
        id: ids.next(),
        clientId: ids.next(),
        hotspotId: id,
        teamId: team!.id,
        userId: team!.memberId,
        regionCode: h.regionCode,
        lat: v.lat,
        lng: v.lng,
        distanceM: v.distanceM,
        tooFar,
        peopleSeen: v.peopleSeen,
        at: v.at,
        createdAt: v.at,
      });
      await recordAt(
        tx,
        { actorId: team!.memberId, requestId },
        {
          action: 'hotspot.checked_in',
          entityType: 'hotspot',
          entityId: id,
          regionCode: h.regionCode,
          payload: {
            teamId: team!.id,
            distanceM: v.distanceM,
            tooFar,
            peopleSeen: v.peopleSeen,
            at: v.at.toISOString(),
          },
        },
      );
    }
  }
}
