import type { DischargeType } from '@warmline/domain';
import { and, eq } from 'drizzle-orm';
import { supplyItem, supplyPlace } from '../db/schema.ts';
import { admitBodySchema, arriveBodySchema } from '../modules/stays/stay.schema.ts';
import { beijingDay, DAY, HOUR } from './demo-season-clock.ts';
import {
  homeOf,
  nameFor,
  pick,
  type Random,
  residentIdFor,
  type SeasonPerson,
  weighted,
} from './demo-season-people.ts';
import type { Season } from './demo-season-types.ts';

const MIN = 60_000;

/** The station a county's patrols take people to: 乐昌 and 南雄 have their own, the rest the city's. */
export function stationFor(county: string, p: SeasonPerson): string {
  if (p.age < 16 || p.profile === 'ill') return 'city-station';
  if (['440281', '440232', '440224'].includes(county)) return 'station-440281';
  if (['440282', '440222'].includes(county)) return 'station-440282';
  return 'city-station';
}

const relations = ['儿子', '女儿', '妻子', '哥哥', '侄子', '母亲', '父亲'];
const tickets = [
  'K1316 韶关—赣州',
  'G6135 韶关—长沙南',
  'K9063 韶关—郴州',
  '汽车票 韶关—清远',
  'K1208 韶关—南宁',
];
const escorts = ['钟伟明', '朱文', '刘建国', '邓丽君', '罗建新'];

/** How a stay ends, by the rules: under-16s and the impaired never leave on their own. */
function discharge(
  random: Random,
  p: SeasonPerson,
  unknown: boolean,
  impaired: boolean,
  today: Date,
): { type: DischargeType; days: number; details: Record<string, string | boolean | string[]> } {
  const minor = p.age < 16;
  const type: DischargeType =
    minor || unknown || impaired
      ? weighted(random, [
          ['family_collection', 50],
          ['escort_home', 30],
          ['referral_welfare', impaired || p.age >= 70 ? 12 : 0],
          ['placement', !minor && unknown ? 4 : 0],
          ['return_home_ticket', minor ? 0 : 8],
        ] as const)
      : weighted(random, [
          ['return_home_ticket', 40],
          ['self_departure', 34],
          ['escort_home', 7],
          ['family_collection', 7],
          ['left_without_notice', 4],
          ['referral_hospital', 4],
          ['assistance_ended', 3],
          ['outside_care', 1],
        ] as const);
  const [code, words] = homeOf(random);
  const destination = p.homeRegion ?? words;
  const days =
    type === 'placement'
      ? 8 + random() * 2
      : type === 'self_departure' || type === 'left_without_notice'
        ? 0.6 + random() * 2
        : unknown
          ? 2 + random() * 6
          : 1 + random() * 4;
  const details: Record<string, string | boolean | string[]> =
    type === 'return_home_ticket'
      ? { destination, ticket: pick(random, tickets) }
      : type === 'escort_home'
        ? { destination, escorts: [pick(random, escorts), '韶关市救助管理站工作人员'] }
        : type === 'family_collection'
          ? {
              collectorName: nameFor(random, 'male', 40),
              collectorResidentId: residentIdFor(random, code, 30 + Math.floor(random() * 30), 'male', today),
              relation: p.age < 16 ? pick(random, ['母亲', '父亲']) : pick(random, relations),
            }
          : type === 'self_departure'
            ? { declarationSigned: true }
            : type === 'referral_welfare'
              ? { institution: '韶关市社会福利院' }
              : type === 'referral_hospital'
                ? { institution: '粤北人民医院' }
                : type === 'outside_care'
                  ? { institution: '曲江区颐康托养中心' }
                  : type === 'placement'
                    ? { note: '经公安比对无户籍信息，报民政局审批落户安置至市社会福利院' }
                    : type === 'left_without_notice'
                      ? { noticedAt: '早点名时发现不在' }
                      : { reason: '本人要求结束救助，已告知再次求助渠道' };
  return { type, days, details };
}

type Store = { placeId: string; coat: string; noodles: string } | null;
const stores = new WeakMap<Season, Promise<Store>>();

/** The city station's store and the two things its staff hand out most (looked up once). */
function cityStore(season: Season): Promise<Store> {
  const known = stores.get(season);
  if (known) return known;
  const found = findStore(season);
  stores.set(season, found);
  return found;
}

async function findStore(season: Season): Promise<Store> {
  const orgId = season.refs.orgIds.get('city-station')!;
  const [place] = await season.tx
    .select({ id: supplyPlace.id })
    .from(supplyPlace)
    .where(and(eq(supplyPlace.kind, 'station'), eq(supplyPlace.orgId, orgId)));
  const items = await season.tx.select({ id: supplyItem.id, name: supplyItem.name }).from(supplyItem);
  const id = (name: string) => items.find((i) => i.name === name)?.id;
  const coat = id('棉衣');
  const noodles = id('方便面');
  return place && coat && noodles ? { placeId: place.id, coat, noodles } : null;
}

/**
 * Someone arrives at a station (a patrol's hand-over, or on their own after meeting one): the
 * intake, admission with a bed, at the city station a coat or noodles from its
 * store, and the discharge the rules allow — unless it is still to come, then they are in now.
 */
export function arriveAtStation(
  season: Season,
  p: SeasonPerson,
  o: { at: Date; orgId: string; handoverId?: string; walkIn?: boolean; reason: string },
) {
  const { timeline, services, random, now } = season;
  const ctx = season.ctx(season.actors.station);
  const unknown = !p.name && !p.residentId;
  const impaired = p.facts.includes('lacks_full_capacity') || p.facts.includes('suspected_mental_disorder');
  const plan = discharge(random, p, unknown, impaired, now);
  const admittedAt = new Date(o.at.getTime() + (20 + random() * 20) * MIN);
  const leaveDay = beijingDay(new Date(admittedAt.getTime() + plan.days * DAY));
  const leaveAt = new Date(Math.max(leaveDay + (9.5 + random() * 6) * HOUR, admittedAt.getTime() + 4 * HOUR));
  const handOut = random() < 0.6;
  const city = o.orgId === season.refs.orgIds.get('city-station');
  // Brought in just now: the hand-over still waits at the door (the station's 待入站).
  if (admittedAt >= now) return;
  let stayId: string | null = null;
  timeline.add(o.at, async () => {
    const arrived = await services.stays.arrive(
      ctx,
      arriveBodySchema.parse({
        orgId: o.orgId,
        ...(o.handoverId ? { handoverId: o.handoverId } : { arrivalKind: 'walk_in', personId: p.personId }),
        ...(p.name ? { name: p.name } : {}),
        sex: p.sex,
        age: p.age,
        reasonForHelp: o.reason,
      }),
    );
    stayId = arrived.id;
  });
  timeline.add(admittedAt, async () => {
    if (!stayId) return;
    await services.stays.admit(
      ctx,
      stayId,
      admitBodySchema.parse({
        sex: p.sex === 'female' ? 'female' : 'male',
        age: p.age,
        ...(p.name ? { name: p.name } : {}),
        ...(p.homeRegion ? { homeRegion: p.homeRegion } : {}),
        impaired,
        identityUnknown: unknown,
        reasonForHelp: o.reason,
        photoTaken: true,
        fingerprintTaken: unknown,
        belongings: random() < 0.4 ? [{ item: '手机', quantity: 1 }] : [],
      }),
    );
  });
  if (city && handOut)
    timeline.add(new Date(admittedAt.getTime() + 1.5 * HOUR), async () => {
      const s = await cityStore(season);
      if (!stayId || !s) return;
      const coat = season.tempOn(admittedAt) <= 10 && random() < 0.6;
      await services.movements.distribute(ctx, {
        placeId: s.placeId,
        lines: [coat ? { itemId: s.coat, quantity: 1 } : { itemId: s.noodles, quantity: 2 }],
        stayId,
        personId: p.personId ?? null,
      });
    });
  timeline.add(leaveAt, async () => {
    if (!stayId) return;
    await services.stays.discharge(ctx, stayId, { type: plan.type, details: plan.details });
    p.where = plan.type === 'self_departure' || plan.type === 'left_without_notice' ? 'street' : 'gone';
  });
}
