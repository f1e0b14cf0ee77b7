import { type AgeBand, ageBandOf, type ObservedFact, residentIdCheckDigit } from '@warmline/domain';

/**
 * Who the patrols of the demo season meet: made up one by one from a seeded random, with the
 * mix a prefecture in the north of Guangdong sees in winter — mostly men, many elderly, a few
 * minors; most from Guangdong, others from the neighbouring provinces on the Beijing–Guangzhou
 * line (湖南, 江西, 广西) and the migrant provinces (四川, 贵州 …). Some give a name and an ID
 * card (a real GB 11643 number: region, birth date, check digit), some a home town, some nothing.
 */
export type Profile =
  | 'refuser_elderly'
  | 'refuser'
  | 'willing'
  | 'job_seeker'
  | 'lost_elder'
  | 'minor'
  | 'ill'
  | 'domestic_violence';

export interface SeasonPerson {
  county: string;
  profile: Profile;
  name?: string;
  residentId?: string;
  homeRegion?: string;
  dialect?: string;
  sex: 'male' | 'female' | 'unknown';
  age: number;
  ageBand: AgeBand;
  facts: ObservedFact[];
  clothing?: string;
  condition?: string;
  /** Set once recorded: the person's record and their latest encounter. */
  personId?: string;
  lastEncounterId?: string;
  met: number;
  /** On the street (may be met again), at the station or gone home. */
  where: 'street' | 'station' | 'gone';
}

export type Random = () => number;

export const pick = <T>(random: Random, xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
const between = (random: Random, lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));

/** Picks by weight: [value, weight][]. */
export function weighted<T>(random: Random, xs: readonly (readonly [T, number])[]): T {
  const total = xs.reduce((n, [, w]) => n + w, 0);
  let r = random() * total;
  for (const [x, w] of xs) {
    r -= w;
    if (r < 0) return x;
  }
  return xs[xs.length - 1]![0];
}

const profiles: [Profile, number][] = [
  ['refuser_elderly', 22],
  ['refuser', 20],
  ['willing', 16],
  ['job_seeker', 12],
  ['lost_elder', 8],
  ['minor', 6],
  ['ill', 6],
  ['domestic_violence', 3],
];

/** Home regions: a county code for the ID card and the words a person would say. */
const homes: [province: string, weight: number, places: [code: string, words: string][]][] = [
  [
    '广东',
    55,
    [
      ['440204', '广东省韶关市浈江区'],
      ['440203', '广东省韶关市武江区'],
      ['440281', '广东省乐昌市'],
      ['440282', '广东省南雄市'],
      ['440224', '广东省仁化县'],
      ['441802', '广东省清远市清城区'],
      ['441602', '广东省河源市源城区'],
      ['440106', '广东省广州市天河区'],
      ['441302', '广东省惠州市惠城区'],
    ],
  ],
  [
    '湖南',
    15,
    [
      ['431002', '湖南省郴州市北湖区'],
      ['430424', '湖南省衡东县'],
      ['431121', '湖南省祁阳县'],
    ],
  ],
  [
    '广西',
    8,
    [
      ['450902', '广西玉林市玉州区'],
      ['450103', '广西南宁市青秀区'],
    ],
  ],
  [
    '江西',
    8,
    [
      ['360702', '江西省赣州市章贡区'],
      ['360782', '江西省南康市'],
    ],
  ],
  ['四川', 5, [['511702', '四川省达州市通川区']]],
  ['贵州', 4, [['520302', '贵州省遵义市红花岗区']]],
  ['湖北', 2, [['421102', '湖北省黄冈市黄州区']]],
  ['河南', 2, [['411502', '河南省信阳市浉河区']]],
  ['重庆', 1, [['500101', '重庆市万州区']]],
];

const dialects: Record<string, string> = {
  广东: '客家话',
  湖南: '湖南话',
  广西: '广西白话',
  江西: '赣南客家话',
  四川: '四川话',
  贵州: '贵州话',
  湖北: '湖北话',
  河南: '河南话',
  重庆: '重庆话',
};

const surnames = [...'陈李黄张刘林罗何谢邓曾钟赖吴王杨周梁廖朱叶邱温彭肖潘袁蔡胡'];
const maleGiven = [
  '建华',
  '国平',
  '志明',
  '伟',
  '永强',
  '德胜',
  '春生',
  '文斌',
  '海波',
  '金福',
  '少华',
  '光明',
];
const femaleGiven = ['桂兰', '秀珍', '美玲', '小燕', '玉梅', '丽华', '翠英', '春花'];
const childGiven = ['子豪', '俊杰', '思琪', '浩然', '雨萱', '梓轩'];

export const clothingWords = ['单层外套', '旧棉袄', '迷彩服', '薄毛衣', '破旧军大衣', '拖鞋、单裤'];
const conditionWords = ['精神尚可', '有些咳嗽', '腿脚不便', '面色发白', '手脚冰凉', '饿了一天'];

/** A valid resident ID for someone of this age, sex and home county, born before `today`. */
export function residentIdFor(
  random: Random,
  code: string,
  age: number,
  sex: 'male' | 'female',
  today: Date,
) {
  const year = today.getUTCFullYear() - age - 1;
  const month = String(between(random, 1, 12)).padStart(2, '0');
  const day = String(between(random, 1, 28)).padStart(2, '0');
  // The 17th digit is odd for men, even for women.
  const order = between(random, 0, 49) * 2 + (sex === 'male' ? 1 : 0);
  const body = `${code}${year}${month}${day}${String(order).padStart(3, '0').slice(-3)}`;
  return body + residentIdCheckDigit(body);
}

/** A home county as [code, words, province]. */
export function homeOf(random: Random): [string, string, string] {
  const province = weighted(
    random,
    homes.map(([p, w]) => [p, w] as const),
  );
  const [, , places] = homes.find(([p]) => p === province)!;
  const [code, words] = pick(random, places);
  return [code, words, province];
}

export function nameFor(random: Random, sex: 'male' | 'female' | 'unknown', age: number) {
  const given = age < 16 ? childGiven : sex === 'female' ? femaleGiven : maleGiven;
  return pick(random, surnames) + pick(random, given);
}

/** A new person met on the street in `county`. */
export function newPerson(random: Random, county: string, today: Date): SeasonPerson {
  const profile = weighted(random, profiles);
  const female = profile === 'domestic_violence' || random() < (profile === 'minor' ? 0.4 : 0.16);
  let sex: SeasonPerson['sex'] = female ? 'female' : 'male';
  const age =
    profile === 'refuser_elderly'
      ? between(random, 60, 83)
      : profile === 'lost_elder'
        ? between(random, 68, 89)
        : profile === 'minor'
          ? between(random, 11, 17)
          : profile === 'job_seeker'
            ? between(random, 19, 52)
            : profile === 'domestic_violence'
              ? between(random, 24, 50)
              : between(random, 28, 74);
  const facts: ObservedFact[] = [];
  const add = (f: ObservedFact, p = 1) => {
    if (random() < p) facts.push(f);
  };
  switch (profile) {
    case 'refuser_elderly':
      facts.push('elderly', 'refuses_station');
      add('thin_clothing', 0.4);
      add('sick', 0.2);
      break;
    case 'refuser':
      facts.push('refuses_station');
      add('thin_clothing', 0.4);
      add('intoxicated', 0.15);
      break;
    case 'willing':
      if (age >= 60) facts.push('elderly');
      add('thin_clothing', 0.5);
      break;
    case 'job_seeker':
      facts.push(random() < 0.7 ? 'stranded_job_seeker' : 'theft_or_robbery_victim');
      break;
    case 'lost_elder':
      facts.push('elderly', 'cannot_state_identity');
      add('lacks_full_capacity', 0.35);
      break;
    case 'minor':
      facts.push('minor');
      break;
    case 'ill':
      facts.push(random() < 0.55 ? 'critically_ill' : 'suspected_mental_disorder');
      if (age >= 60) facts.push('elderly');
      break;
    case 'domestic_violence':
      facts.push('domestic_violence_victim');
      break;
  }
  const anonymous = profile === 'lost_elder' || (profile === 'minor' && random() < 0.4);
  const named = !anonymous && random() < (profile === 'ill' ? 0.3 : 0.6);
  const [code, words, province] = homeOf(random);
  let residentId: string | undefined;
  if (named && age >= 16 && random() < 0.55) {
    if (random() < 0.04) sex = 'unknown';
    residentId = residentIdFor(random, code, age, sex === 'female' ? 'female' : 'male', today);
  }
  if (!named && !anonymous && random() < 0.1) sex = 'unknown';
  const toldHome = !anonymous && (named || random() < 0.35);
  return {
    county,
    profile,
    ...(named ? { name: nameFor(random, sex, age) } : {}),
    ...(residentId ? { residentId } : {}),
    ...(toldHome ? { homeRegion: words } : {}),
    ...(toldHome && province !== '广东' && random() < 0.5 ? { dialect: dialects[province] } : {}),
    sex,
    age,
    ageBand: ageBandOf(age),
    facts,
    ...(random() < 0.5 ? { clothing: pick(random, clothingWords) } : {}),
    ...(random() < 0.4 ? { condition: pick(random, conditionWords) } : {}),
    met: 0,
    where: 'street',
  };
}
