import type { LeadDescriptor, LeadSource } from '@warmline/domain';

/**
 * A fortnight of leads in 韶关市 for the demo: where people really are found in winter
 * (stations, bridges, underpasses, parks), from the channels that exist so far. The
 * generator is seeded, so every demo database tells the same story.
 */
export interface DemoPlace {
  regionCode: string;
  address: string;
  lat: number;
  lng: number;
}

export const demoPlaces: DemoPlace[] = [
  { regionCode: '440204', address: '韶关站站前广场', lat: 24.8131, lng: 113.6047 },
  { regionCode: '440204', address: '浈江区风度路五里亭桥下', lat: 24.8167, lng: 113.6102 },
  { regionCode: '440204', address: '浈江区东河街道东堤路地下通道', lat: 24.8083, lng: 113.6036 },
  { regionCode: '440203', address: '武江区沙洲尾公园', lat: 24.8034, lng: 113.5842 },
  { regionCode: '440203', address: '武江区西河桥桥洞', lat: 24.8051, lng: 113.5911 },
  { regionCode: '440203', address: '武江区芙蓉新城自助银行', lat: 24.7812, lng: 113.5703 },
  { regionCode: '440205', address: '曲江区马坝镇汽车站', lat: 24.6823, lng: 113.6042 },
  { regionCode: '440205', address: '韶关东站出站口', lat: 24.7706, lng: 113.6371 },
  { regionCode: '440281', address: '乐昌市人民路天桥下', lat: 25.1293, lng: 113.3502 },
  { regionCode: '440282', address: '南雄市汽车客运站', lat: 25.1176, lng: 114.3087 },
  { regionCode: '440232', address: '乳源县城在建工地旁', lat: 24.7763, lng: 113.2761 },
  { regionCode: '440222', address: '始兴县太平镇城乡结合部废弃房屋', lat: 24.9506, lng: 114.0634 },
];

export const demoSightings: { descriptors: LeadDescriptor[]; description: string }[] = [
  { descriptors: ['elderly', 'thin_clothing'], description: '桥下有位老人，只穿了一件薄外套，一直在发抖' },
  { descriptors: ['minor'], description: '一个十二三岁的男孩在候车室待了一整天，问他家在哪里不说' },
  { descriptors: ['intoxicated'], description: '有人喝醉了躺在路边，叫不醒，天很冷' },
  {
    descriptors: ['mental_distress', 'thin_clothing'],
    description: '一位女士自言自语，赤脚在路边走，像是精神不太好',
  },
  { descriptors: ['injured_or_ill', 'elderly'], description: '老人腿上有伤，说是摔了一跤，走不了路' },
  { descriptors: ['group'], description: '地下通道里有三四个人打地铺，带着行李' },
  { descriptors: ['mobility_impaired'], description: '坐轮椅的大叔在银行门口过夜，说找不到工作回不了家' },
  { descriptors: ['thin_clothing'], description: '外地来打工的年轻人，说钱包被偷了，在车站外面坐着' },
  { descriptors: ['elderly'], description: '老奶奶说找不到家了，记不清住哪个小区' },
  { descriptors: ['minor', 'group'], description: '两个小孩晚上十点还在公园里，没有大人跟着' },
];

export const demoAds: string[] = [
  '专业办理各类证件 加微信 bz8866 当天拿证',
  '代开发票 正规税票 联系QQ 2837461 价格优惠',
  '无抵押贷款 当天放款 详情加V：dk-9988 秒批',
];

/**
 * Sent through the public form but about no one in need: the kind the screening lets through and
 * a dispatcher then quarantines by hand (a typed address with 站 or 公园 in it reads as a place
 * someone could be).
 */
export const demoMissedJunk: string[] = [
  '公交车太少了 在站台等了四十分钟 冷死了 还要不要人坐',
  '我想领养个孩子 找哪个部门',
  '请问救助站招不招志愿者 我想报名 周末有空',
];

/**
 * A real report the screening quarantines (a WeChat id and no one described in words), restored
 * by the dispatcher within minutes: what the restore button is for.
 */
export const demoHeldReport = '加我微信 wx13926 我拍了照片 你们快来';

export const demoClosingNotes: string[] = [
  '已由巡查队送至韶关市救助管理站',
  '现场劝导，本人不愿入站，已发放棉被和温暖包',
  '已联系家属接回',
  '到场未见此人，已列入夜间巡查重点',
  '醉酒人员已交由派出所处置',
  '已送粤北人民医院救治',
];

/** Share of leads by channel, roughly as a city command centre sees them. */
export const demoSourceWeights: [LeadSource, number][] = [
  ['public', 40],
  ['hotline', 25],
  ['police_110', 15],
  ['city_grid', 10],
  ['video', 7],
  ['drone', 3],
];
