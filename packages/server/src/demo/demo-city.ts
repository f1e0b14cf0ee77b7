import type { LeadSource, OrgKind, Role } from '@warmline/domain';

/**
 * 韶关市 (440200), the city of seed 004: its real districts and counties, the city
 * rescue station with 114 beds, the departments that patrol with civil affairs.
 * Coordinates are WGS-84, close to the real sites.
 */
export const DEMO_CITY = '440200';
export const DEMO_PASSWORD = 'warmline-demo';

export interface DemoOrg {
  key: string;
  name: string;
  kind: OrgKind;
  regionCode: string;
  bedCount?: number;
  lat: number;
  lng: number;
}

/** The ten county-level regions of the city and their seats. */
export const counties: [code: string, name: string, lat: number, lng: number][] = [
  ['440203', '武江区', 24.7926, 113.5878],
  ['440204', '浈江区', 24.8044, 113.6111],
  ['440205', '曲江区', 24.6826, 113.6045],
  ['440222', '始兴县', 24.9524, 114.0617],
  ['440224', '仁化县', 25.0856, 113.7492],
  ['440229', '翁源县', 24.3505, 114.1302],
  ['440232', '乳源瑶族自治县', 24.7761, 113.2752],
  ['440233', '新丰县', 24.0596, 114.2068],
  ['440281', '乐昌市', 25.1281, 113.3472],
  ['440282', '南雄市', 25.1172, 114.3112],
];

export const demoOrgs: DemoOrg[] = [
  {
    key: 'city-bureau',
    name: '韶关市民政局',
    kind: 'bureau',
    regionCode: DEMO_CITY,
    lat: 24.8108,
    lng: 113.5972,
  },
  {
    key: 'city-station',
    name: '韶关市救助管理站',
    kind: 'station',
    regionCode: '440204',
    bedCount: 114,
    lat: 24.8232,
    lng: 113.6268,
  },
  { key: 'police', name: '韶关市公安局', kind: 'police', regionCode: DEMO_CITY, lat: 24.8069, lng: 113.5951 },
  {
    key: 'urban',
    name: '韶关市城市管理和综合执法局',
    kind: 'urban_management',
    regionCode: DEMO_CITY,
    lat: 24.8012,
    lng: 113.5986,
  },
  {
    key: 'health',
    name: '韶关市卫生健康局',
    kind: 'health',
    regionCode: DEMO_CITY,
    lat: 24.8086,
    lng: 113.6001,
  },
  {
    key: 'hospital',
    name: '粤北人民医院',
    kind: 'hospital',
    regionCode: '440203',
    lat: 24.8016,
    lng: 113.5851,
  },
  ...counties.map(([code, name, lat, lng]) => ({
    key: `bureau-${code}`,
    name: `${name}民政局`,
    kind: 'bureau' as const,
    regionCode: code,
    lat,
    lng,
  })),
  {
    key: 'grid',
    name: '韶关市城市网格化管理平台',
    kind: 'platform',
    regionCode: DEMO_CITY,
    lat: 24.8103,
    lng: 113.5969,
  },
  {
    key: 'video',
    name: '韶关市雪亮工程视频平台',
    kind: 'platform',
    regionCode: DEMO_CITY,
    lat: 24.8071,
    lng: 113.5947,
  },
  {
    key: 'drone',
    name: '韶关市无人机巡查平台',
    kind: 'platform',
    regionCode: DEMO_CITY,
    lat: 24.8121,
    lng: 113.6003,
  },
  {
    key: 'station-440281',
    name: '乐昌市救助管理站',
    kind: 'station',
    regionCode: '440281',
    bedCount: 30,
    lat: 25.1335,
    lng: 113.3551,
  },
  {
    key: 'station-440282',
    name: '南雄市救助管理站',
    kind: 'station',
    regionCode: '440282',
    bedCount: 24,
    lat: 25.1222,
    lng: 114.3034,
  },
];

export interface DemoUser {
  username: string;
  displayName: string;
  role: Role;
  regionCode: string;
  org: string | null;
  phone?: string;
}

/** Fixed usernames: acceptance checks and the README use them. */
export const demoUsers: DemoUser[] = [
  { username: 'admin', displayName: '系统管理员', role: 'system_admin', regionCode: '000000', org: null },
  {
    username: 'shaoguan',
    displayName: '黄燕斌',
    role: 'bureau_admin',
    regionCode: DEMO_CITY,
    org: 'city-bureau',
    phone: '13719701234',
  },
  {
    username: 'zhenjiang',
    displayName: '李志强',
    role: 'bureau_admin',
    regionCode: '440204',
    org: 'bureau-440204',
    phone: '13802881235',
  },
  {
    username: 'wujiang',
    displayName: '陈晓玲',
    role: 'bureau_admin',
    regionCode: '440203',
    org: 'bureau-440203',
    phone: '13902761236',
  },
  {
    username: 'qujiang',
    displayName: '邓伟明',
    role: 'bureau_admin',
    regionCode: '440205',
    org: 'bureau-440205',
    phone: '13702851237',
  },
  {
    username: 'dispatcher',
    displayName: '刘建国',
    role: 'dispatcher',
    regionCode: DEMO_CITY,
    org: 'city-station',
    phone: '13680121237',
  },
  {
    username: 'hotline',
    displayName: '王芳',
    role: 'hotline_operator',
    regionCode: DEMO_CITY,
    org: 'city-station',
    phone: '13580341238',
  },
  {
    username: 'patrol1',
    displayName: '张伟',
    role: 'patrol_member',
    regionCode: DEMO_CITY,
    org: 'city-station',
    phone: '13760451239',
  },
  // The other teams' leaders (demo-teams.ts), each in their team's county.
  {
    username: 'patrol2',
    displayName: '邓丽君',
    role: 'patrol_member',
    regionCode: '440204',
    org: 'city-station',
    phone: '13760451302',
  },
  {
    username: 'patrol3',
    displayName: '何国强',
    role: 'patrol_member',
    regionCode: '440203',
    org: 'bureau-440203',
    phone: '13760451303',
  },
  {
    username: 'patrol4',
    displayName: '钟伟明',
    role: 'patrol_member',
    regionCode: '440204',
    org: 'city-station',
    phone: '13760451304',
  },
  {
    username: 'patrol5',
    displayName: '温家明',
    role: 'patrol_member',
    regionCode: '440205',
    org: 'bureau-440205',
    phone: '13760451305',
  },
  {
    username: 'patrol6',
    displayName: '陈志坚',
    role: 'patrol_member',
    regionCode: '440281',
    org: 'station-440281',
    phone: '13760451306',
  },
  {
    username: 'patrol7',
    displayName: '叶秀英',
    role: 'patrol_member',
    regionCode: '440282',
    org: 'station-440282',
    phone: '13760451307',
  },
  {
    username: 'patrol8',
    displayName: '邱国华',
    role: 'patrol_member',
    regionCode: '440222',
    org: 'bureau-440222',
    phone: '13760451308',
  },
  {
    username: 'patrol9',
    displayName: '蒙志远',
    role: 'patrol_member',
    regionCode: '440224',
    org: 'bureau-440224',
    phone: '13760451309',
  },
  {
    username: 'patrol10',
    displayName: '巫建平',
    role: 'patrol_member',
    regionCode: '440229',
    org: 'bureau-440229',
    phone: '13760451310',
  },
  {
    username: 'patrol11',
    displayName: '盘石生',
    role: 'patrol_member',
    regionCode: '440232',
    org: 'bureau-440232',
    phone: '13760451311',
  },
  {
    username: 'patrol12',
    displayName: '曾宪文',
    role: 'patrol_member',
    regionCode: '440233',
    org: 'bureau-440233',
    phone: '13760451312',
  },
  {
    username: 'station1',
    displayName: '赵敏',
    role: 'station_staff',
    regionCode: DEMO_CITY,
    org: 'city-station',
    phone: '13650561240',
  },
  {
    username: 'keeper1',
    displayName: '孙丽',
    role: 'supplies_keeper',
    regionCode: DEMO_CITY,
    org: 'city-station',
    phone: '13430671241',
  },
  {
    // Keeps 风采街道社区服务中心临时避寒场所 (a community centre's worker: no station, no persons).
    username: 'shelter1',
    displayName: '何秀琴',
    role: 'shelter_keeper',
    regionCode: '440204',
    org: null,
    phone: '13929001234',
  },
  {
    username: 'police1',
    displayName: '周警官',
    role: 'police_liaison',
    regionCode: DEMO_CITY,
    org: 'police',
    phone: '13330781242',
  },
  {
    username: 'supervisor',
    displayName: '陈国营',
    role: 'supervisor',
    regionCode: DEMO_CITY,
    org: 'city-bureau',
    phone: '13229891243',
  },
];

/**
 * One API key per partner platform, printed in the README. Demo only: a real deployment
 * issues random keys and stores only their hashes (as these are stored too).
 */
export const demoPartnerKeys: { key: string; org: string; source: LeadSource; label: string }[] = [
  { key: 'demo-partner-110', org: 'police', source: 'police_110', label: '110 接处警平台' },
  { key: 'demo-partner-grid', org: 'grid', source: 'city_grid', label: '城市网格化管理平台' },
  { key: 'demo-partner-video', org: 'video', source: 'video', label: '雪亮工程' },
  { key: 'demo-partner-drone', org: 'drone', source: 'drone', label: '无人机巡查' },
];
