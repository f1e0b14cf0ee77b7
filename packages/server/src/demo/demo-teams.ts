import type { Department, TeamStatus } from '@warmline/domain';

/**
 * The demo city's joint patrol teams (联合巡查): civil affairs with police, urban
 * management and health, one per busy district plus the county towns, and one in each rural county
 * (appended last: the seed lines other lists up by this order). Every leader has an account
 * (`patrol1` … `patrol12`), so the season's shifts and encounters are recorded through the patrol
 * services as the leader; `patrol1` (张伟) leads the first, so the patrol phone screen has a team.
 */
export interface DemoTeam {
  name: string;
  regionCode: string;
  org: string;
  vehicle: string | null;
  status: TeamStatus;
  lat: number;
  lng: number;
  members: { displayName: string; department: Department; username?: string; isLeader?: boolean }[];
}

export const demoTeams: DemoTeam[] = [
  {
    name: '浈江区联合救助一队',
    regionCode: '440204',
    org: 'city-station',
    vehicle: '粤F·J1206',
    status: 'available',
    lat: 24.8139,
    lng: 113.6058,
    members: [
      { displayName: '张伟', department: 'civil_affairs', username: 'patrol1', isLeader: true },
      { displayName: '李振华', department: 'police' },
      { displayName: '黄志明', department: 'urban_management' },
    ],
  },
  {
    name: '浈江区联合救助二队',
    regionCode: '440204',
    org: 'city-station',
    vehicle: '粤F·J1207',
    status: 'available',
    lat: 24.8251,
    lng: 113.6231,
    members: [
      { displayName: '邓丽君', department: 'civil_affairs', username: 'patrol2', isLeader: true },
      { displayName: '罗建新', department: 'health' },
    ],
  },
  {
    name: '武江区联合救助队',
    regionCode: '440203',
    org: 'bureau-440203',
    vehicle: '粤F·J2301',
    status: 'available',
    lat: 24.7968,
    lng: 113.5816,
    members: [
      { displayName: '何国强', department: 'civil_affairs', username: 'patrol3', isLeader: true },
      { displayName: '曾凡', department: 'police' },
      { displayName: '谢小红', department: 'health' },
    ],
  },
  {
    name: '市救助站夜间巡查队',
    regionCode: '440204',
    org: 'city-station',
    vehicle: '粤F·J0118',
    status: 'off_duty',
    lat: 24.8232,
    lng: 113.6268,
    members: [
      { displayName: '钟伟明', department: 'civil_affairs', username: 'patrol4', isLeader: true },
      { displayName: '朱文', department: 'transport' },
    ],
  },
  {
    name: '曲江区救助分队',
    regionCode: '440205',
    org: 'bureau-440205',
    vehicle: '粤F·J3102',
    status: 'available',
    lat: 24.6851,
    lng: 113.6012,
    members: [
      { displayName: '温家明', department: 'civil_affairs', username: 'patrol5', isLeader: true },
      { displayName: '刘洋', department: 'urban_management' },
    ],
  },
  {
    name: '乐昌市救助分队',
    regionCode: '440281',
    org: 'station-440281',
    vehicle: '粤F·J8101',
    status: 'available',
    lat: 25.1302,
    lng: 113.3534,
    members: [
      { displayName: '陈志坚', department: 'civil_affairs', username: 'patrol6', isLeader: true },
      { displayName: '林峰', department: 'police' },
    ],
  },
  {
    name: '南雄市救助分队',
    regionCode: '440282',
    org: 'station-440282',
    vehicle: null,
    status: 'available',
    lat: 25.1201,
    lng: 114.3061,
    members: [
      { displayName: '叶秀英', department: 'civil_affairs', username: 'patrol7', isLeader: true },
      { displayName: '古文辉', department: 'health' },
    ],
  },
  {
    name: '始兴县救助分队',
    regionCode: '440222',
    org: 'bureau-440222',
    vehicle: '粤F·J4201',
    status: 'available',
    lat: 24.9524,
    lng: 114.0617,
    members: [
      { displayName: '邱国华', department: 'civil_affairs', username: 'patrol8', isLeader: true },
      { displayName: '廖振东', department: 'police' },
      { displayName: '赖春梅', department: 'health' },
    ],
  },
  {
    name: '仁化县救助分队',
    regionCode: '440224',
    org: 'bureau-440224',
    vehicle: '粤F·J4401',
    status: 'available',
    lat: 25.0856,
    lng: 113.7492,
    members: [
      { displayName: '蒙志远', department: 'civil_affairs', username: 'patrol9', isLeader: true },
      { displayName: '范立新', department: 'urban_management' },
      { displayName: '骆小军', department: 'police' },
    ],
  },
  {
    name: '翁源县救助分队',
    regionCode: '440229',
    org: 'bureau-440229',
    vehicle: '粤F·J4901',
    status: 'available',
    lat: 24.3505,
    lng: 114.1302,
    members: [
      { displayName: '巫建平', department: 'civil_affairs', username: 'patrol10', isLeader: true },
      { displayName: '潘晓丽', department: 'health' },
      { displayName: '严伟', department: 'police' },
      { displayName: '江志诚', department: 'urban_management' },
    ],
  },
  {
    name: '乳源瑶族自治县救助分队',
    regionCode: '440232',
    org: 'bureau-440232',
    vehicle: '粤F·J3201',
    status: 'available',
    lat: 24.7761,
    lng: 113.2752,
    members: [
      { displayName: '盘石生', department: 'civil_affairs', username: 'patrol11', isLeader: true },
      { displayName: '邓勇', department: 'police' },
      { displayName: '赵金凤', department: 'health' },
    ],
  },
  {
    name: '新丰县救助分队',
    regionCode: '440233',
    org: 'bureau-440233',
    vehicle: '粤F·J3301',
    status: 'available',
    lat: 24.0596,
    lng: 114.2068,
    members: [
      { displayName: '曾宪文', department: 'civil_affairs', username: 'patrol12', isLeader: true },
      { displayName: '黄丽珍', department: 'civil_affairs' },
      { displayName: '朱永强', department: 'urban_management' },
    ],
  },
];
