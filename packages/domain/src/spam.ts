/**
 * Spam screening for public leads (求助线索). The public report form ("桥洞下有个老人，衣服很薄")
 * attracts advertising: 办证, 发票, 贷款, 博彩, 色情…, usually with a WeChat/QQ id or a phone
 * number and usually disguised (微❤信, ❶❷❸ digits, spaced-out characters, homophones such as
 * 薇信/扣扣). A screened lead is never deleted: `quarantine` only moves it to a review queue, so
 * the rules lean towards letting a real report through.
 *
 * How a score is made:
 * - every field is normalised (full-width → half-width, circled digits → digits, a few traditional
 *   characters → simplified, lower case), so one lexicon covers the disguises;
 * - relief vocabulary (老人, 桥洞, 衣着单薄, 醉酒…) is counted as credit and then masked out, so the
 *   spam features only look at what is left — which is why adding relief words can never raise a
 *   score, and why a genuine call-back number costs little;
 * - hand-weighted rules (contact ids, numbers, ad keywords, URLs, obfuscation, repetition…) plus a
 *   logistic model over character n-grams learned offline from the corpus in `spam-corpus/`
 *   (`spam-learn.ts`; the committed copy is `spam-model.ts`) add up to the score;
 * - structure generalises where lists cannot (every new writer brings trades no list has): a
 *   sales pitch (an offer, a call to get in touch, a request for money, an impersonation opener)
 *   withdraws the relief credit, so an ad wrapped in a report is still an ad; telegraphic text
 *   (few function characters such as 的了在他说) reads as a keyword list, because a report tells
 *   what happened; a short text about no one (在吗, 测试) is quarantined, having nothing to act on,
 *   and relief words with nobody in them (今天好冷啊, 天冷了来碗热乎的) count against a text;
 * - `quarantine` is `score >= SPAM_QUARANTINE_THRESHOLD`. No single weak signal reaches it alone:
 *   a report without relief words, or with a phone number, still needs a second signal; the one
 *   exception is the learned model when it is very sure and the rules do not speak for the text
 *   (`off_topic`: the junk that mentions 老人 or 冷 in passing, which credit would otherwise clear).
 *
 * Pure: no IO and no imports but the generated model, so every caller gets the same answer.
 */

import { AD_STYLE_MODEL_TEXT } from './spam-model.ts';

/** Bump whenever a lexicon, a weight, the threshold or the learned model changes. */
export const SPAM_MODEL_VERSION = 'spam-2026.12-24';

/** Scores at or above this are quarantined for review. */
export const SPAM_QUARANTINE_THRESHOLD = 5;

/** Longer input is screened on its first this-many characters per field (keeps the cost bounded). */
export const SPAM_MAX_SCREENED_CHARS = 10_000;

export const spamReasons = [
  'contact_id',
  'phone_number',
  'ad_keyword',
  'url',
  'obfuscation',
  'repetition',
  'keyword_stuffing',
  'decoration',
  'ad_style',
  'sales_pitch',
  'rumour',
  'manipulation',
  'no_relief_content',
  'off_topic',
] as const;
export type SpamReason = (typeof spamReasons)[number];

export const spamReasonLabels: Record<SpamReason, { zh: string; en: string }> = {
  contact_id: { zh: '含联系账号（微信/QQ 等）', en: 'Contact handle (WeChat, QQ…)' },
  phone_number: { zh: '含电话或长串号码', en: 'Phone or long number' },
  ad_keyword: { zh: '含广告关键词', en: 'Advertising keyword' },
  url: { zh: '含网址链接', en: 'Link or web address' },
  obfuscation: {
    zh: '变形规避（隔字符号、圈数字、谐音等）',
    en: 'Disguised text (symbols, circled digits, homophones)',
  },
  repetition: { zh: '内容重复堆砌', en: 'Repeated content' },
  keyword_stuffing: { zh: '关键词罗列', en: 'Keyword stuffing' },
  decoration: { zh: '大量表情符号装饰', en: 'Decorative symbols' },
  ad_style: { zh: '广告用语特征（统计模型）', en: 'Advertising style (learned)' },
  sales_pitch: { zh: '推销话术（优惠、引导加好友等）', en: 'Sales pitch (offers, calls to get in touch)' },
  rumour: { zh: '传言、转发或情绪宣泄（未报告需要救助的人）', en: 'Rumour, chain message or rant' },
  manipulation: { zh: '试图操纵自动审核的指令', en: 'Instructions aimed at the screening' },
  no_relief_content: { zh: '未描述求助情况', en: 'Describes no one in need' },
  off_topic: { zh: '与求助无关（统计模型）', en: 'Not about anyone in need (learned)' },
};

export interface SpamScreeningInput {
  description: string;
  address?: string;
  descriptors?: string[];
}

export interface SpamScreening {
  /** Higher is more spam-like; rounded to 0.01. Negative means clearly a relief report. */
  score: number;
  quarantine: boolean;
  /** The signals that fired, in `spamReasons` order. */
  reasons: SpamReason[];
}

// ---------------------------------------------------------------------------------------------
// Normalisation

// Invisible characters spammers slip between letters: zero-width and bidi marks, the combining
// grapheme joiner, enclosing marks (the keycap U+20E3 of an emoji digit), variation selectors and
// tag characters.
const INVISIBLE =
  /[\u00ad\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufeff\uffa0\u{e0000}-\u{e007f}]|\u034f|\p{Me}|\p{Variation_Selector}/gu;

// Decorated digits and letters that NFKC leaves alone (❶, ➀, ⓵, 🅳, 🇦, ➕).
const FANCY =
  /[\u2776-\u2793\u24eb-\u24ff\u2795\u{1f10b}\u{1f10c}\u{1f150}-\u{1f169}\u{1f170}-\u{1f189}\u{1f1e6}-\u{1f1ff}]/gu;

function unfancy(ch: string): string {
  const c = ch.codePointAt(0)!;
  if (c >= 0x2776 && c <= 0x277f) return String(c - 0x2776 + 1); // ❶…❿
  if (c >= 0x2780 && c <= 0x2789) return String(c - 0x2780 + 1); // ➀…➉
  if (c >= 0x278a && c <= 0x2793) return String(c - 0x278a + 1); // ➊…➓
  if (c >= 0x24eb && c <= 0x24f4) return String(c - 0x24eb + 11); // ⓫…⓴
  if (c >= 0x24f5 && c <= 0x24fe) return String(c - 0x24f5 + 1); // ⓵…⓾
  if (c === 0x24ff || c === 0x1f10b || c === 0x1f10c) return '0';
  if (c === 0x2795) return '+';
  if (c >= 0x1f150 && c <= 0x1f169) return String.fromCharCode(97 + c - 0x1f150); // 🅐…🅩
  if (c >= 0x1f170 && c <= 0x1f189) return String.fromCharCode(97 + c - 0x1f170); // 🅰…🆉
  return String.fromCharCode(97 + c - 0x1f1e6); // 🇦…🇿
}

// Traditional characters that occur in ad vocabulary, so 代開發票 matches 代开发票. Deliberately
// small: a full converter is a dictionary, not a rule.
const TRADITIONAL =
  '開开發发貸贷證证辦办聯联繫系係系絡络賭赌註注冊册飛飞機机職职單单娛娱樂乐約约網网號号話话電电無无門门際际購购買买賣卖錢钱銀银銷销價价優优詢询資资訊讯贈赠領领紅红員员會会這这裡里請请詳详專专業业務务線线費费';
const toSimplified = new Map<string, string>();
for (let i = 0; i + 1 < TRADITIONAL.length; i += 2) toSimplified.set(TRADITIONAL[i]!, TRADITIONAL[i + 1]!);
const TRADITIONAL_RE = new RegExp(`[${[...toSimplified.keys()].join('')}]`, 'g');

// Latin letters with accents or pinyin tone marks (Lǎorén, café): read without them. Only Latin
// ones, so Hangul and other scripts that decompose are left composed and the pass stays idempotent.
const TONED_LATIN = /[\u00c0-\u024f\u1e00-\u1eff]/g;

function normalizeOnce(text: string): string {
  return text
    .replace(INVISIBLE, '')
    .normalize('NFKC')
    .replace(FANCY, unfancy)
    .replace(TRADITIONAL_RE, (ch) => toSimplified.get(ch)!)
    .replace(TONED_LATIN, (ch) => ch.normalize('NFD').replace(/\p{M}/gu, ''))
    .toLowerCase();
}

/**
 * The canonical form every rule reads: invisible characters removed, NFKC (full-width → half-width,
 * ① → 1), decorated digits/letters undone, ad-relevant traditional characters simplified, lower
 * case. Idempotent: it repeats the pass until nothing changes (NFKC and lower-casing can feed
 * each other, e.g. ℌ → H → h).
 */
export function normalizeLeadText(text: string): string {
  let current = text;
  for (let i = 0; i < 4; i++) {
    const next = normalizeOnce(current);
    if (next === current) return current;
    current = next;
  }
  return current;
}

// ---------------------------------------------------------------------------------------------
// Lexicons

/**
 * Words of street relief. Each distinct hit earns credit, and hits are masked out before the
 * spam features run. Kept free of ad words (a test checks neither list contains the other's terms).
 */
export const spamReliefLexicon: readonly string[] = [
  // people
  '老人',
  '老人家',
  '老大爷',
  '大爷',
  '大妈',
  '大娘',
  '阿姨',
  '阿婆',
  '阿伯',
  '老伯',
  '阿叔',
  '大叔',
  '大伯',
  '大哥',
  '大姐',
  '老头',
  '老太',
  '奶奶',
  '爷爷',
  '婆婆',
  '男子',
  '女子',
  '女的',
  '男的',
  '中年',
  '年轻人',
  '小孩',
  '孩子',
  '小朋友',
  '男孩',
  '女孩',
  '小姑娘',
  '未成年',
  '婴儿',
  '流浪',
  // As typed in a hurry on a phone (流郎汉, 留浪): the pinyin input's near misses.
  '流郎',
  '留浪',
  '乞讨',
  '乞丐',
  '要饭',
  '讨饭',
  '要钱',
  '拾荒',
  '捡瓶子',
  '露宿',
  '过夜',
  '残疾',
  '聋哑',
  '遇困',
  '受助',
  '走失',
  '走丢',
  '迷路',
  '无家可归',
  '没地方住',
  '没地方去',
  '离家出走',
  '务工不着',
  '找工作',
  '精神异常',
  '精神障碍',
  '精神病',
  '精神不',
  '精神有问题',
  '自言自语',
  '神志',
  '痴呆',
  '糊涂',
  // condition and weather
  '衣着单薄',
  '单薄',
  '单衣',
  '薄衣服',
  '穿得少',
  '穿的少',
  '穿得很少',
  '穿的很少',
  '短袖',
  '拖鞋',
  '发抖',
  '哆嗦',
  '冻',
  '冷',
  '寒潮',
  '降温',
  '零度',
  '零下',
  '下雪',
  '下雨',
  '结冰',
  '结霜',
  '寒风',
  '睡',
  '瞓',
  '躺',
  '蜷缩',
  '缩着',
  '醉酒',
  '喝醉',
  '醉汉',
  '喝多',
  '酒味',
  '叫不醒',
  '没反应',
  '昏迷',
  '晕倒',
  '摔倒',
  '倒在',
  '起不来',
  '受伤',
  '流血',
  '伤口',
  '发烧',
  '咳',
  '生病',
  '病了',
  '饿',
  '没吃',
  '被子',
  '棉被',
  '毯子',
  '纸箱',
  '纸板',
  '纸皮',
  '拐杖',
  '轮椅',
  '光脚',
  '光着',
  '冻疮',
  '好可怜',
  '一动不动',
  // places where people sleep rough
  '桥洞',
  '桥底',
  '桥下',
  '桥墩',
  '天桥',
  '地下通道',
  '涵洞',
  '隧道',
  '火车站',
  '汽车站',
  '客运站',
  '候车',
  '公交站',
  '车站',
  '站台',
  '广场',
  '公园',
  '凉亭',
  '工地',
  '工棚',
  '废弃',
  '烂尾',
  '自助银行',
  '屋檐',
  '骑楼',
  '楼道',
  '楼梯间',
  '江边',
  '河边',
  '堤',
  '垃圾桶',
  // asking for help
  '救助站',
  '救助',
  '避寒',
  '派人',
  '接走',
  '来看看',
  '去看看',
  '看一下',
  '帮帮',
  '救命',
  '求助',
  '报警',
  '温暖包',
  '巡查',
  // people in trouble as reporters describe them (scam victims, the stranded, the sick)
  '小伙',
  '姑娘',
  '孕妇',
  '病人',
  '老汉',
  '大嫂',
  '老乡',
  '农民工',
  '民工',
  '哭',
  '蹲',
  '不敢回家',
  '回不了家',
  '没钱',
  '一分钱',
  '身无分文',
  '想不开',
  '坐地上',
  '行李',
  '被骗',
  '骗了',
  '没人管',
  '没人接',
  '不动了',
  '发紫',
  '醉',
  '男性',
  '女性',
  '一名',
  '请协助',
  '已报警',
  '拨打110',
  '拨打120',
  // too poor for the winter: heating, rent or wages gone (交不起房租被赶出来, 烧不起煤, 工资没发)
  '交不起',
  '烧不起',
  '买不起',
  '生活困难',
  '家里困难',
  '确实困难',
  '赶出来',
  '撵出来',
  '回不去',
  '停暖',
  '被停了',
  '欠薪',
  '拖欠工资',
  '没发工资',
  '工资没',
  // plain words for someone being there and needing help, and for a relative gone missing
  '有人',
  '有个人',
  '一个人',
  '这个人',
  '这人',
  '那人',
  '快来',
  '赶紧来',
  '不对劲',
  '不行了',
  '死活',
  '趴着',
  '跌',
  '摔',
  '爬不',
  '住着',
  '住在',
  '没有家',
  '没家',
  '没手机',
  '关机',
  '迷迷糊糊',
  '摇摇晃晃',
  '酒瓶',
  '坐着',
  '站着',
  '不走',
  '棉袄',
  '军大衣',
  '毛线帽',
  '外套',
  '我爸',
  '我妈',
  '爸爸',
  '妈妈',
  '跑了',
  '说不上来',
  '不认识',
  '智力',
  '精神分裂',
  '五保户',
  '雪里',
  '救人',
  '瘫痪',
  '老伴',
  '取暖',
  '生火',
  '外地人',
  '没暖气',
  '塌',
  // pinyin, typed when the phone cannot type characters
  'lao ren',
  'laoren',
  'hen leng',
  'kuai lai',
  'qiao xia',
  'shui jiao',
  'you ge ren',
  'you ren',
  'bang bang',
  'zou shi',
  'tang zhe',
  'mei qian',
  'nai nai',
  'nainai',
  'ye ye',
  'da ye',
  'mi lu',
  'lao tai',
  'jiu zhu',
  'zhao bu dao',
  'liu lang',
  'leng',
  'xiao hai',
  'xiaohai',
  'lao tai tai',
  'laotaitai',
  'yi ge ren',
  'mei you di fang',
  'mei di fang',
  'huo che zhan',
  'huochezhan',
  'da gong',
  'gong zi',
  'gongzi',
  'hen shao',
  // English, for foreign residents and students (matched in lower case)
  'homeless',
  'old man',
  'old lady',
  'old woman',
  'elderly',
  'grandma',
  'grandpa',
  'teenage',
  'child',
  'sleeping',
  'lying',
  'freezing',
  'cold',
  'snow',
  'blanket',
  'ran away',
  'runaway',
  'injured',
  'bleeding',
  'drunk',
  'not moving',
  'confused',
  'please send',
  'please come',
  'under the bridge',
  'underpass',
  'bus stop',
  'railway station',
  'called 110',
  'called 120',
  'stuck',
  'stolen',
  'no money',
  'lost',
  'mentally',
  'without a coat',
  'sleep',
  'years old',
  'very old',
  'dangerous',
  'please help',
  'dementia',
  'my father',
  'my mother',
  'left home',
  'sitting',
  'shaking',
  'shivering',
  'crying',
  'stranded',
  'alone',
  'train station',
  'hungry',
  'baby',
  'a boy',
  'a girl',
  'a woman',
  'a man',
  'the guy',
  'kicked out',
  'nowhere to',
  'no place to',
  'passed out',
  'collapsed',
  'unconscious',
  'wheelchair',
  'for money',
  'begging',
  'beggar',
  'on the ground',
  'on the street',
  'still there',
  "don't have money",
  'no money for',
  'my train',
];

/**
 * Ad vocabulary with weights: ~3 for words a relief report essentially never uses (代开, 百家乐),
 * ~2 for strong but not unique ones, ~1 for commercial words that a real report might contain.
 * Matched on the squeezed text (letters and digits only), so 代➕开➕发➕票 still matches.
 */
export const spamAdLexicon: Readonly<Record<string, number>> = {
  // documents and invoices
  办证: 3,
  假证: 3,
  证件: 2,
  证书: 1.5,
  刻章: 3,
  代开: 3,
  开发票: 3,
  开票: 2.5,
  发票: 2.5,
  毕业证: 2.5,
  学位证: 2.5,
  学历: 2,
  文凭: 2,
  驾驶证: 2,
  驾照: 2,
  行驶证: 2,
  营业执照: 2,
  代理记账: 3,
  注册公司: 2.5,
  户口本: 2,
  落户: 2,
  护照: 1.5,
  签证: 1.5,
  // loans, cards, money
  贷款: 3,
  网贷: 3,
  贷: 1.5,
  放款: 3,
  下款: 3,
  借款: 2,
  空放: 3,
  套现: 3,
  征信: 3,
  黑户: 3,
  白户: 3,
  无抵押: 3,
  抵押: 2,
  秒批: 3,
  秒到: 3,
  到账: 2,
  额度: 2,
  利息: 1.5,
  低息: 3,
  信用卡: 2,
  提额: 3,
  养卡: 3,
  代还: 3,
  花呗: 2.5,
  白条: 2,
  借呗: 2.5,
  银行卡: 1.5,
  收卡: 3,
  四件套: 3,
  u盾: 2.5,
  收款码: 3,
  跑分: 3,
  承兑: 3,
  usdt: 3,
  虚拟币: 3,
  // work-from-home scams
  刷单: 3,
  兼职: 2.5,
  日结: 2.5,
  日赚: 3,
  日入: 3,
  月入: 2.5,
  日薪: 2.5,
  月薪: 1.5,
  佣金: 2.5,
  高薪: 2,
  包吃住: 1.5,
  押金: 1,
  报名费: 2.5,
  培训费: 3,
  材料费: 2.5,
  年费: 2.5,
  会费: 2.5,
  会员: 1.5,
  缴纳: 1.5,
  招募: 1,
  收费: 1.5,
  打字员: 3,
  点赞员: 3,
  赚钱: 1.5,
  轻松赚: 3,
  宝妈: 2,
  招代理: 3,
  代理: 1,
  加盟: 2,
  微商: 3,
  一件代发: 3,
  // gambling
  博彩: 3,
  赌场: 3,
  网赌: 3,
  赌博: 3,
  百家乐: 3,
  娱乐城: 3,
  彩金: 3,
  六合彩: 3,
  时时彩: 3,
  菠菜: 2.5,
  真人视讯: 3,
  投注: 3,
  首充: 3,
  首存: 3,
  返水: 3,
  包中: 3,
  特码: 3,
  中特: 2.5,
  出黑: 3,
  // sex
  色情: 3,
  约炮: 3,
  裸聊: 3,
  看片: 3,
  上门服务: 3,
  特殊服务: 3,
  包夜: 3,
  外围: 2.5,
  找小姐: 3,
  援交: 3,
  楼凤: 3,
  桑拿: 2.5,
  按摩: 1.5,
  会所: 2,
  夜总会: 2.5,
  同城: 1.5,
  寂寞: 2,
  少妇: 3,
  美女: 1.5,
  学生妹: 3,
  空姐: 2,
  情趣: 3,
  成人用品: 3,
  福利视频: 3,
  交友: 1.5,
  // surrogacy, medicine, quackery
  代孕: 3,
  供卵: 3,
  试管: 2.5,
  包生: 3,
  包性别: 3,
  壮阳: 3,
  早泄: 3,
  阳痿: 3,
  持久: 1.5,
  丰胸: 3,
  男科: 3,
  人流: 2,
  整形: 2.5,
  减肥: 2.5,
  瘦身: 2.5,
  处方药: 2.5,
  安眠药: 2,
  迷药: 3,
  迷情: 3,
  听话水: 3,
  催情: 3,
  无效退款: 3,
  根治: 2,
  祖传: 3,
  偏方: 2.5,
  膏药: 2,
  见效: 2.5,
  // surveillance, debt, crime
  私家侦探: 3,
  婚外情: 3,
  小三: 2.5,
  查开房: 3,
  讨债: 3,
  追债: 3,
  窃听: 3,
  监控软件: 3,
  手机定位: 3,
  定位手机: 3,
  聊天记录: 2,
  通话记录: 2.5,
  解封: 3,
  枪支: 3,
  弹药: 3,
  仿真枪: 3,
  假币: 3,
  毒品: 3,
  冰毒: 3,
  个人信息: 1.5,
  // goods
  高仿: 3,
  复刻: 3,
  原单: 3,
  精仿: 3,
  一比一: 3,
  莆田: 2,
  外烟: 3,
  免税烟: 3,
  香烟: 2,
  电子烟: 2.5,
  批发: 2,
  厂家直销: 3,
  一手货源: 3,
  货到付款: 3,
  包邮: 2.5,
  原价: 2,
  现价: 2,
  低价: 1.5,
  优惠: 1.5,
  出售: 2,
  回收: 1.5,
  转让: 1.5,
  代购: 2.5,
  代发: 2,
  靓号: 3,
  淘宝: 2,
  欢迎光临: 2.5,
  店铺: 1.5,
  // investment
  荐股: 3,
  牛股: 3,
  股票: 2,
  稳赚: 3,
  内幕: 2.5,
  带单: 3,
  翻倍: 2,
  收益: 2,
  理财: 2,
  投资: 1.5,
  保本: 3,
  外汇: 2.5,
  期货: 2.5,
  // exams, SEO, services
  代写: 3,
  论文: 2,
  包过: 3,
  包通过: 3,
  代扣: 3,
  代办: 2.5,
  作弊: 3,
  押题: 3,
  快速排名: 3,
  蜘蛛池: 3,
  外链: 3,
  站群: 3,
  代运营: 3,
  刷销量: 3,
  刷好评: 3,
  删差评: 3,
  水军: 3,
  刷粉: 3,
  引流: 3,
  精准粉: 3,
  代练: 3,
  上分: 2.5,
  游戏账号: 2.5,
  // lures
  中奖: 2.5,
  红包: 2,
  话费: 1.5,
  免费领取: 3,
  领取: 1,
  扫码: 2.5,
  二维码: 2,
  点击: 2,
  点击查看: 3,
  点击观看: 3,
  点击进入: 3,
  点击链接: 3,
  点击了解: 3,
  点这里: 2,
  链接: 1.5,
  公众号: 2,
  转发: 1,
  朋友圈: 1,
  进群: 2.5,
  加群: 2.5,
  群号: 2.5,
  客服: 1.5,
  诚信: 1.5,
  一条龙: 2,
  欢迎来电: 3,
  欢迎咨询: 3,
  咨询: 1,
  有意者: 2.5,
  详情: 1,
  内部渠道: 3,
  内部: 1,
  不成功不收费: 3,
  捐款账户: 3,
  爱心账户: 3,
  转账: 2,
  账户: 1.5,
  献爱心: 1.5,
  办理: 1,
  详询: 2.5,
  出租: 1.5,
  月租: 2.5,
  拎包入住: 3,
  户名: 2,
  补贴: 1,
  名额有限: 2.5,
  募捐: 2.5,
  捐款: 2,
  月捐: 2.5,
  领现金: 3,
  邀请好友: 2.5,
  签到: 1.5,
  关注公众号: 3,
  福利: 1.5,
  全场: 2,
  打折: 2,
  五折: 2,
  进店: 2,
  先到先得: 2.5,
  // trade, property, gambling, schemes (from the 2026-12 blind set's misses)
  高价回收: 3,
  名表: 2,
  名包: 2,
  返现: 3,
  拉人头: 3,
  私聊: 2,
  首付: 2.5,
  学区房: 2.5,
  二手房: 2,
  买房: 2,
  找我: 1,
  周转: 2,
  小额贷: 3,
  竞猜: 2.5,
  下注: 3,
  秒提: 3,
  学信网: 2.5,
  长租公寓: 2.5,
  免押: 2.5,
  本公司: 2.5,
  离婚证: 2.5,
  结婚证: 2,
  全国通用: 3,
  看看我照片: 3,
  // from the second blind set's misses: services and goods pitched after a report
  三天见效: 3,
  注册就送: 3,
  线上娱乐: 3,
  开光: 2.5,
  请购: 2.5,
  急售: 2.5,
  价格可谈: 2.5,
  搬家公司: 2.5,
  开锁: 2.5,
  换锁: 2.5,
  逾期: 2,
  支付宝: 1.5,
  推荐我家: 2.5,
  有需要可以联系: 2.5,
  // categories the earlier lists lacked, whole: home services, beauty clinics, crypto, tutoring,
  // apps, recruitment, counterfeit and medicine, so a new ad of a known trade scores on its words
  管道疏通: 3,
  疏通: 2,
  化粪池: 2.5,
  下水道: 1,
  防水补漏: 3,
  甲醛: 2,
  家政: 2,
  月嫂: 2.5,
  育儿嫂: 2.5,
  钟点工: 2,
  保洁: 1.5,
  灭鼠: 2.5,
  除虫: 2,
  白蚁: 2.5,
  空调维修: 2.5,
  家电维修: 2.5,
  上门维修: 2.5,
  玻尿酸: 3,
  水光针: 3,
  瘦脸针: 3,
  双眼皮: 2.5,
  隆鼻: 3,
  医美: 3,
  祛斑: 2.5,
  美白: 2,
  脱毛: 2.5,
  比特币: 2.5,
  币圈: 3,
  数字货币: 2.5,
  挖矿: 2.5,
  空投: 2.5,
  区块链: 2.5,
  合约: 1.5,
  交易所: 1.5,
  补习: 2,
  家教: 2,
  辅导班: 2.5,
  提分: 2.5,
  培训班: 2,
  邀请码: 3,
  新人礼: 3,
  新用户: 2,
  下载app: 3,
  急招: 2,
  普工: 1.5,
  包住: 1,
  月入过万: 3,
  正品: 2,
  专柜: 2,
  原厂: 2,
  奢侈品: 2,
  伟哥: 3,
  春药: 3,
  特效药: 2,
  仿制药: 3,
  气枪: 3,
  猎枪: 3,
  管制刀具: 2.5,
  监听: 2.5,
  定位器: 2.5,
  替考: 3,
  保过: 3,
  答案: 1,
  彩票: 2,
  计划群: 3,
  回血: 2.5,
  上岸: 1.5,
  稳赢: 3,
  必中: 3,
  陪聊: 3,
  主播: 1.5,
  一夜情: 3,
  小视频: 1.5,
  催收: 2.5,
  清账: 2.5,
  要债: 2.5,
  推广: 1.5,
  排名: 1.5,
  收录: 2,
  // scraped web pages and test input: nothing anyone reports
  上一篇: 3,
  下一篇: 3,
  关闭窗口: 3,
  本文来源: 3,
  如有侵权: 3,
  热搜榜: 3,
  版权所有: 3,
  lorem: 3,
  ipsum: 3,
  // trades of the 2026-12d/e sets' misses
  代驾: 3,
  意外险: 2.5,
  防癌险: 3,
  投保: 2.5,
  保额: 3,
  制氧机: 2,
  血压计: 1.5,
  保健品: 2.5,
  降三高: 3,
  特训营: 3,
  特训学校: 3,
  网瘾: 2,
  情感挽回: 3,
  挽回: 1.5,
  雪地胎: 2.5,
  拼多多: 2,
  淘口令: 3,
  加盟费: 3,
  养老公寓: 2,
  无需处方: 3,
  隐私发货: 3,
  外挂: 3,
  自瞄: 3,
  封号: 2.5,
  卡密: 3,
  手机开店: 3,
  灵活就业: 2,
  内部关系: 3,
  洗钱: 2.5,
  讲座: 1.5,
  米面油: 2,
  醒酒药: 2.5,
  解酒: 2,
  有偿: 2,
  收购: 1.5,
  暖手宝: 1.5,
  删帖: 3,
  舆情: 2.5,
  群发: 3,
  获客: 3,
  // English spam
  viagra: 3,
  casino: 3,
  seo: 3,
  loan: 3,
  earn: 2,
  cheap: 2,
  prescription: 2,
  bitcoin: 2.5,
  crypto: 2.5,
  giveaway: 3,
  followers: 2.5,
  guaranteed: 2,
  buy: 1.5,
  signals: 1.5,
  promo: 2.5,
  discount: 2,
};

// Latin terms need word boundaries (seo must not match inside "seoul"); CJK terms have none.
const LATIN_WORD = /^[a-z0-9]+$/;

// ---------------------------------------------------------------------------------------------
// Feature extraction

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const byLengthDesc = (a: string, b: string) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0);

const RELIEF_RE = new RegExp([...spamReliefLexicon].sort(byLengthDesc).map(escapeRegExp).join('|'), 'g');
const cjkAdTerms = Object.keys(spamAdLexicon).filter((t) => !LATIN_WORD.test(t));
const latinAdTerms = Object.keys(spamAdLexicon).filter((t) => LATIN_WORD.test(t));
const CJK_AD_RE = new RegExp(cjkAdTerms.sort(byLengthDesc).map(escapeRegExp).join('|'), 'g');
const LATIN_AD_RE = new RegExp(`(?<![a-z])(?:${latinAdTerms.map(escapeRegExp).join('|')})(?![a-z])`, 'g');

/** Letters and digits only: the view in which 代➕开, 微——信 and 1 3 8 lose their disguise. */
function squeeze(line: string): string {
  return line.replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Runs of anything but letters, digits, _ - @ + become one space; word boundaries survive. */
function tokenize(line: string): string {
  return line.replace(/[^\p{L}\p{N}_\-@+]+/gu, ' ');
}

// Gap a spammer puts inside a marker after tokenising: 微 信, v-x, 薇+信.
const GAP = '[ _+\\-]{0,3}';
const WECHAT = `(?:[微威薇徽维唯嶶危]${GAP}[信芯]|wei${GAP}xin|we${GAP}chat|v${GAP}(?:信|xin)|(?<![a-z0-9])(?:vx|wx)(?![a-z0-9]))`;
// A lone v means WeChat only next to an id or after 加/+ (加v, v：dk5566), never on its own.
const LONE_V = '(?<![a-z0-9])v(?![a-z0-9])';
const QQ = `(?:(?<![a-z0-9])q${GAP}q(?![a-z])|扣${GAP}扣|抠${GAP}抠|企鹅|群号|(?<![a-z0-9])q(?=${GAP}[0-9]))`;
// 飞机 alone is also a plane (坐飞机来的): only as 加飞机/联系飞机 or before an @handle.
const TELEGRAM = `(?:telegram|纸飞机|(?:加|联系)飞机|飞机(?=${GAP}@)|电报|whatsapp|(?<![a-z0-9])tg(?![a-z0-9]))`;
const NAMED_MARKER = `(?:${WECHAT}|${QQ}|${TELEGRAM})`;
const MARKER = `(?:${NAMED_MARKER}|${LONE_V})`;
// 微信号：, 微信同号, V：, 加我 v 得（🉐 normalises to 得）…
// Up to three other characters may sit between marker and id: 加微信学习 zq6688, 加我薇信了解 jz88.
const FILLER = `(?:${GAP}(?:号码|号|是|为|得|同号|id))*${GAP}\\p{Script=Han}{0,3}${GAP}`;
const CONTACT_WITH_ID = new RegExp(`(${MARKER})${FILLER}@?([a-z0-9] ?(?:[a-z0-9_\\-] ?){4,29})`, 'gu');
const ADD_MARKER = new RegExp(`(?:加|\\+|添加)(?:我|好友)?${GAP}${MARKER}`);
const MARKER_RE = new RegExp(NAMED_MARKER);
// 微/威/薇 on its own straight before a handle (加微 puer-aza, 威 jiang-jiu9, 加店主威 diao-qc):
// the handle must look made up (a separator, or letters and digits mixed), never a plain word.
const LONE_WEI_WITH_ID =
  /[微威薇徽](?:号|:)? ?@?(?:[a-z][a-z0-9]*[_-][a-z0-9_-]{2,}|[a-z]{2,}[0-9]{2,}[a-z0-9]*|[0-9]{3,}[a-z]{2,}[a-z0-9]*)/;
// Homophones and abbreviations exist to dodge filters; the plain 微信/QQ does not count.
const DISGUISED_MARKER = /威|薇|徽|维|唯|嶶|危|芯|v|扣|抠|企鹅|飞机|[ _+-]/;
// An id-like token (zk8899a, jz_66, dk-5566) anywhere in a text that also names WeChat/QQ: the
// spammer split marker and id (加我v看最新名单 jzz8866). Plates such as 粤f12345 have one letter.
const ID_LIKE = /(?<![a-z0-9])(?:[a-z]{2,20}[0-9]{3,}|[0-9]{3,20}[a-z]{2,}|[a-z]{1,20}[_-][a-z0-9]{3,})/;
// Runs are bounded and anchored at their start so a long run cannot backtrack quadratically.
const HANDLE =
  /(?<![a-z0-9])@[a-z][a-z0-9_]{3,}|(?<![a-z0-9._-])[a-z0-9._-]{1,64}@[a-z0-9-]{1,63}\.[a-z]{2,}/;

const URL_RE =
  /https?:\/\/|www\.|(?<![a-z0-9])[a-z0-9][a-z0-9-]{0,62}\.(?:com|cn|net|org|top|xyz|vip|cc|me|io|shop|site|club|info|app|tv|ly|co|link|online|bet|win|fun|live|love|ink|pro|cyou|icu|asia|vip)(?![a-z])/;
// www点abc点com, www9988betcom after squeezing.
const URL_SQUEEZED_RE =
  /(?<!w)www[a-z0-9]{3,63}(?:com|cn|net|top|xyz|vip)|(?<![a-z0-9])[a-z0-9]{3,63}(?:点|。|dot)(?:com|cn|net|top|xyz|vip|cc|me|io|shop|site|club|app|info|org|live|fun|icu|cyou)(?![a-z])/;

const CHINESE_DIGITS: Record<string, string> = {
  零: '0',
  〇: '0',
  一: '1',
  幺: '1',
  壹: '1',
  二: '2',
  贰: '2',
  两: '2',
  三: '3',
  叁: '3',
  四: '4',
  肆: '4',
  五: '5',
  伍: '5',
  六: '6',
  陆: '6',
  七: '7',
  柒: '7',
  八: '8',
  捌: '8',
  九: '9',
  玖: '9',
};
// Seven or more numerals in a row spell a number (一三八二六五七…); genuine text says 三四十岁.
const CHINESE_NUMBER_RE =
  /[零〇一幺壹二贰两三叁四肆五伍六陆七柒八捌九玖](?:[ ,.-]?[零〇一幺壹二贰两三叁四肆五伍六陆七柒八捌九玖]){6,}/g;
const DIGIT_SEPARATOR_RE = /(?<=\d)[ \t\-_.·•~*/\\|()（）]{1,3}(?=\d)/g;
// Call-back context: the reporter's own number (我电话…, 打我电话, 联系我), not 联系我们.
const CALLBACK_RE =
  /我的?(?:电话|手机|号码|手机号|联系电话)|(?:打|回|联系|通知|找)我(?!们)|给我(?:打|回)|回电|回个电话|来电人|我姓/;

// Decorated input: digits and letters that NFKC cannot undo, or keycaps.
const FANCY_RAW_RE =
  /[\u2460-\u249b\u24b6-\u24e9\u2776-\u2793\u24eb-\u24ff\u{1d7ce}-\u{1d7ff}\u{1f130}-\u{1f189}\u{1f1e6}-\u{1f1ff}\u{1f250}\u{1f251}]|\u20e3/gu;
const SPACED_OUT_RE = /(?:[\p{Script=Han}a-z0-9] ){5,}[\p{Script=Han}a-z0-9]/u;
const DECORATION_RE = /\p{Extended_Pictographic}|[☑✔✅★☆◆◇●■□▲△►▶→⇒【】〖〗『』✨]/gu;
// Function characters of narrative Chinese. A report tells what happened (有个老人在桥下躺着，他说…);
// an ad lists (羊绒围巾 买一送一 仅限今天). In the corpus fewer than 1 % of reports have under
// 8 % of their Han characters from this set, against over 70 % of ads.
const FUNCTION_CHARS = new Set(
  '的了在有个他她说着是我你们吗呢吧没不都就还也很啊呀把被给跟和到这那里上下嘅喺系冇唔咗佢啲咁嘢俺咱',
);

/** Share of function characters among the Han characters left after masking relief words. */
function narrativeShare(maskedLines: readonly string[]): { han: number; share: number } {
  let han = 0;
  let fn = 0;
  for (const line of maskedLines)
    for (const ch of line)
      if (/\p{Script=Han}/u.test(ch)) {
        han++;
        if (FUNCTION_CHARS.has(ch)) fn++;
      }
  return { han, share: han === 0 ? 0 : fn / han };
}

const STUFFING_RE = /[|<>丨]|(?<=\p{Script=Han})[-_](?=\p{Script=Han})/gu;

/**
 * A sales pitch, in two parts read on the squeezed text after relief words are masked:
 * an offer (特价, 买一送一, 成功再收费, 厂家直供…) and a call to get in touch with the writer's
 * business (需要的加我, 联系店主, 关注公众号, 扫码…). A reporter asks for help and may leave a
 * call-back number; a reporter does not make offers or invite people to add them.
 */
const OFFER_RE = new RegExp(
  [
    '特价|限时|直销|直供|清仓|甩卖|包邮|包赔|促销|秒杀|团购|(?<![发出])现货(?![架车])|下单|拍下|元起|限量|惊喜|优惠|名额有限',
    '买[一二两三四五0-9]送|送[一二两三半0-9][斤件瓶箱盒个套]|(?<![骨])[一二三四五六七八九0-9]折(?![腾叠断])|打折|折扣',
    '(?:成功|到账|见效|满意|办成)(?:再|后)(?:收费|付款|付)|不[通好成准灵]不(?:要钱|收费)',
    '免费(?:试|咨询|体验|上门|安装|教|测|评估)|体验课|试听课|厂家|工厂价|工厂直|货源|价格(?:实惠|优惠|便宜|美丽|公道|低)',
    '[一二三四五六七0-9]天见效|立竿见影|药到病除|(?:超|很|又|价格)便宜|便宜(?:实惠|又|快|卖|出|处理|甩)',
    '(?:关注|注册|下单|购买|进群|转发)(?:就|即|还)?送|送红包|领红包|有礼|仅需|只需|仅售|仅要|[0-9]+元(?:起|一次|全包|包邮)|正规(?:医院|机构|公司)',
    '(?<![电剩])(?:[0-9]+(?:\\.[0-9]+)?)%|成功率|回报率?|年化|收益率|日息|月息|政府背书|国家扶持|名额(?:有限|仅剩|不多)',
    '(?:只要|仅需|低至|最低|起步价|最高可借|一年只要|一天只要|一天才)[0-9一二三四五六七八九十]|(?:全城|全网|全市)?最低价|到店(?![门里外口])',
    '(?:点击|立即|马上)?(?:购买|投保|订购|抢购|选购)|包(?:改|满分|批|过(?!夜)|中|赢|回本|治|成功|教会|分配)',
    '半价|满[0-9]+减|量大从优|承接|定制|次日达|(?:厂家|工厂)直发|退费|稳赚|不赔|福利价|特惠|周年庆|清(?:理)?库存|批量采购|直播间|打赏|(?:求|请)?点赞(?:关注|打赏|转发)|一定要试试|(?:姐妹|宝宝|老铁|亲)们|爆款|热卖|新款',
    '(?:价|只要|才|仅|特惠|福利|月供|一条|每件|每盒|一盒|一件|一套)\\p{Script=Han}{0,3}[0-9一二三四五六七八九十百]+(?:元|块|多)',
    '起批|出厂价|批发价|量大价优|自提|包退|(?:同城|免费)配送|配送到家|货到付款|新(?:米|品|款)上市|礼盒|送礼|试吃|内部价|返佣|返费|首月|九成新|私我|砍一刀|秘方|断根|不反弹|以旧换新|套票|(?:今日|新服|火爆|周末)开区|招生|买十送十',
    '(?:一箱|一袋|一盒|一件|一套|一斤|一瓶)[0-9一二三四五六七八九十]+(?:枚|斤|元|块|袋|盒|瓶)?[0-9]*元?|[0-9]+(?:元|块)(?:一次|一件|一盒|十盒|起)',
    '持证上岗|一条龙|诚招|招商(?!银行|局)|加盟|专业(?:承接|代|办|维修|疏通|清洗|安装)|质量保证|童叟无欺|全网最低',
  ].join('|'),
  'g',
);
const CALL_TO_ACTION_RE = new RegExp(
  [
    '(?:需要|有需要|感兴趣|想要|有意)\\p{Script=Han}{0,4}的(?:朋友|话|家长|宝妈|老板|亲)?(?:们)?(?:可以|请|就|速)?(?:加|联系|私|戳|扫|咨询|滴滴|call|了解)',
    '(?:需要|有需要|感兴趣|想要|有意)\\p{Script=Han}{0,4}的(?:朋友|老板|家长|宝妈|亲)们?(?:可以|请|就|速)?找我',
    '(?<!骗|被|让他|让她)(?:转账|汇款|打款|捐款)(?:到|至|给)?(?:支付宝|微信|银行卡|账户|账号|卡号)',
    '需要请(?:加|联系|私|咨询)|(?:捐款|爱心款|善款|捐助)(?:请|可)?(?:转|汇|打)',
    '(?:加|联系|咨询|私信|私聊|添加)(?:我们(?!加了)|店主|老板|客服|老师|本店|小编|经理|师傅)',
    '关注(?:我|我们|公众号|抖音号|视频号|小红书)(?!了|进来)|搜索(?:即可|我们|公众号|小程序)|(?:复制|点开|打开)(?:链接|网址|口令)',
    // 淘宝搜鸿福堂, 某程搜暖居酒店: a shop's name to look up on a platform is a call to buy.
    '(?:淘宝|京东|拼多多|抖音|快手|小红书|美团|大众点评|某宝|某东|某音|某程|携程|飞猪|闲鱼)(?:上|里|app)?搜(?:索|一下)?|(?:我的?|去|进|看)主页|橱窗|点(?:开)?链接|链接在(?:这|评论区|下面)|推荐(?:给)?大家|(?:赶紧|快)?告诉(?:你的)?(?:家人|爸妈|身边)|搜(?:索)?["“「]|淘口令|口令|复制(?:打开|这条)(?!抖音)|打开(?:淘宝|拼多多|京东|app)|立即(?:下载|领取|注册|申请|办理|咨询|联系)',
    '(?:提供|告诉|发送|输入|报一下)\\p{Script=Han}{0,6}(?:银行卡号|卡号|验证码|密码)|(?:转|汇|打)(?:到|至|给)?(?:我|我这个|这个|以下|指定|下面)\\p{Script=Han}{0,3}(?:卡|账户|账号|收款码)',
    '(?:请|求|你|您|先|帮我|给我)\\p{Script=Han}{0,4}(?:转|汇|打)(?:到|至|给|入)?\\p{Script=Han}{0,8}(?:卡|账户|账号|微信|支付宝)',
    '(?:请|求)(?:好心人|爱心人士|大家)\\p{Script=Han}{0,6}(?:转(?!告|发|达)|捐|资助|打)|捐款群|水滴筹|轻松筹|(?:一元|一块)\\p{Script=Han}{0,3}都?是爱',
    '我换(?:号|手机号)了|(?:换|加)(?:了)?(?:我)?(?:这个)?新(?:微信|号码|号)|我是你(?:们)?的?\\p{Script=Han}{0,4}(?:同学|领导|老师|班主任|张局|局长|总)',
    '别打电话|(?:不要|不得|别)告诉\\p{Script=Han}{0,4}(?:家人|任何人|家里)|此事保密|借我\\p{Script=Han}{0,2}[0-9一二两三四五六七八九十百千万]',
    '转发的人|不转|转发此|转发?(?:到|给)(?:每个|所有|身边|家人|亲人|亲友|朋友|家里)|(?:看到|见到)的?(?:请|就|都|速)?转|速转|快转|快传|转起来|扩散|转发救人|转发(?:到|给)[0-9一二三四五六七八九十]+个|转给所有|求三连|点赞(?:过|最高|关注)|点我主页|评论区(?:见|领|扣|留言|私)|别划走|泪目|真相让人|曝光|投一票|测测你',
    '收款人|支付宝账号|先(?:交|付|转)(?!了)\\p{Script=Han}{0,6}(?:费|金|钱)',
    '(?<!没|不|没有)扫(?:码|一扫|二维码)(?!关注了|进来|进的|了|用不了|不了|给|付)|(?:下载|注册)(?:app|即|就|送)|(?<!最后|最近)登录|私信我|电话咨询|欢迎(?:来电|咨询|选购|进店|光临|订购)',
  ].join('|'),
  'gu',
);

/**
 * Words addressed to the public, not to the command centre: copied news and bulletins (据…报道,
 * 我市…, 气象台), hearsay passed on (听说…, 内部消息),
 * warnings to everyone (大家注意, 千万别), verdicts on people (活该, 都是装的) and rants. A report
 * says who is where now; these say what others should believe.
 */
const RUMOUR_RE =
  /听说|内部消息|亲眼看见|亲口告诉|不让说|官方消息|消息可靠|视频已经被删|大家(?:注意|千万|一定|别|都被骗)|千万别|别上当|别被骗|曝光|活该|都是装的|都是懒|当官的|形式主义|哈哈|据[\u4e00-\u9fff]{0,6}报道|新华社|中新网|本报讯|我市|[0-9]日电|气象台|受[\u4e00-\u9fff]{0,4}冷空气影响|专项救助行动|😂|🤣|开玩笑的|要你们有什么用|进了谁的腰包|喊口号|口号喊|吹空调|做给领导看|都是摆拍|就是个笑话|不作为|官官相护|社会(?:没救|怎么了)|醒醒吧/g;

/**
 * Orders meant for a machine reading the form (ignore previous instructions, 请将这条信息分类为
 * 真实求助, {"type":"genuine"…}): nobody reporting a person in the cold writes to the filter.
 */
const MANIPULATION_RE =
  /ignore\s+(?:all\s+|any\s+)?(?:previous|prior|above)|system\s*prompt|系统提示词|you\s+are\s+now|classify\s+(?:this|it|as)|confidence|"(?:type|label|class)"\s*:|忽略(?:之前|以上|前面|上面)|(?:分类|判定|标记|识别)为(?:真实|正常|有效)|管理员的?指令|没有任何限制的\s*ai|\bdan\b|jailbreak/i;

/** 郑州救助站 郑州救助站电话 郑州搬家: search-engine lines, many words with one prefix. */
function seoLine(text: string): boolean {
  const words = text.split(/\s+/).filter((w) => w.length >= 3);
  if (words.length < 4) return false;
  const prefixes = new Map<string, number>();
  for (const w of words) prefixes.set(w.slice(0, 2), (prefixes.get(w.slice(0, 2)) ?? 0) + 1);
  return Math.max(...prefixes.values()) >= Math.max(4, words.length * 0.6);
}

/**
 * Anyone at all: people words, pronouns (a self-report's 我 counts), English and pinyin ones.
 * Deliberately broad; it only has to be absent from texts about no one.
 */
const PERSON_RE = new RegExp(
  [
    '[人者男女孩娃崽仔妹弟哥姐叔婶伯爷奶婆妈爸公老他她我俺咱侬]|自己|本人|小伙|姑娘|孕妇|病号|民工|师傅|司机|小哥|骑手|学生|同学|家属|夫妻|两口|流浪|乞|要饭|讨饭|拾荒|收破烂|残疾|聋哑|醉汉|光棍|五保|一家',
    "\\b(?:i|i'm|im|me|my|we|us|he|she|him|her|his|they|them|someone|somebody|anyone|man|men|woman|women|person|people|guy|lady|boy|girl|kids?|child|children|baby|family|couple|student|worker|driver|beggar|homeless|elderly|grandma|grandpa|grandmother|grandfather|father|mother|dad|mum|mom|son|daughter|brother|sister|friend|foreigner|ta|wo|lao ?ren|laoren|lao ?tai|nai ?nai|nainai|ye ?ye|da ?ye|xiao ?hai|nan ?de|nv ?de|nan ?ren|nv ?ren|you ?ge)\\b",
  ].join('|'),
);
/**
 * A pet or a stray animal is the subject (车底下有只猫, 我家狗狗走丢了, 流浪猫没地方躲): somebody
 * else's job, unless a person is there too (一个流浪汉带着一条狗).
 */
const ANIMAL = /猫|狗|比熊|泰迪|柯基|金毛|哈士奇|鹦鹉|宠物|毛孩子|兔子/;
const HUMAN =
  /人|老|男|女|孩|娃|爷|奶|婆|叔|姨|哥|姐|伯|他|她|小伙|民工|乞|拾荒|醉汉|学生|homeless|\bman\b|woman|\bboy\b|girl/;
/** People a pet notice mentions who are not the one in the cold: 有人看到吗, 好心人, 主人. */
const NOT_THE_SUBJECT =
  /流浪(?:猫|狗)|[猫狗]人|主人|好心人|家人|别人|人家|有没有人|有人(?:看到|见到|知道|捡到|收养|领养|见过)|谁/g;
const ANIMAL_WEIGHT = 2.5;
/** Added to `no_relief_content` for relief words with nobody in them; short of quarantine alone. */
const NO_PERSON_WEIGHT = 1.5;

/** Reported speech and victims' accounts: the marks of a story about someone else. */
const STORY_RE = /他说|她说|问他|问她|他们说|说是|我问|告诉我|骗了|被骗|骗局|被(?:老公|丈夫|家人|儿子)/;

/** Weight of the offers and calls to action in squeezed text (exported for the lexicon test). */
export function salesPitch(squeezed: string): { weight: number; both: boolean } {
  const offers = new Set(squeezed.match(OFFER_RE) ?? []).size;
  const calls = new Set(squeezed.match(CALL_TO_ACTION_RE) ?? []).size;
  // An offer with a call to act (关注公众号… 关注还送红包), or two offers, pitch without a contact.
  return { weight: Math.min(4, 1.5 * offers + 1.5 * calls), both: (offers > 0 && calls > 0) || offers >= 2 };
}

function findNumbers(line: string, callback: boolean): { weight: number; obfuscated: boolean } {
  let obfuscated = false;
  const digits = line
    .replace(CHINESE_NUMBER_RE, (m) => {
      obfuscated = true;
      return m
        .replace(/[^零〇一幺壹二贰两三叁四肆五伍六陆七柒八捌九玖]/g, '')
        .replace(/./g, (c) => CHINESE_DIGITS[c]!);
    })
    .replace(DIGIT_SEPARATOR_RE, '');
  const found: number[] = [];
  for (const [run] of digits.matchAll(/\d{7,}/g)) {
    const n = run.startsWith('86') && run.length === 13 ? run.slice(2) : run;
    if (/^(?:400|800)\d{7}$/.test(n)) found.push(3);
    else if (/^1[3-9]\d{9}$/.test(n) || /^0\d{9,11}$/.test(n)) found.push(callback ? 0.5 : 1.5);
    else if (/^62\d{14,17}$/.test(n))
      found.push(3); // a bank card to pay into
    else if (/^(?:19|20)\d{6}$/.test(n))
      continue; // a date such as 20251203
    else found.push(1.5); // QQ numbers and other ids
  }
  return {
    weight: Math.min(
      3.5,
      found.reduce((s, w) => s + w, 0),
    ),
    obfuscated,
  };
}

function adKeywordWeight(squeezed: string, tokens: string): { weight: number } {
  const hits = new Set<string>();
  for (const [m] of squeezed.matchAll(CJK_AD_RE)) hits.add(m);
  for (const [m] of tokens.matchAll(LATIN_AD_RE)) hits.add(m);
  let weight = 0;
  for (const h of hits) weight += spamAdLexicon[h]!;
  return { weight: Math.min(8, weight) };
}

/** The text a learned bigram reads: digits → 0 and Latin letters → a, so ids generalise. */
function bigramClasses(squeezed: string): string {
  // A run of letters is one class: an id's letters (jz6688 → a00…) and English prose (one long
  // run, once spaces are squeezed out) must not both read as the ad bigram "aa".
  return squeezed.replace(/[0-9]/g, '0').replace(/[a-z]+/g, 'a');
}

/** Character 1–3-grams of the masked text, per token with ^/$ edges, digits → 0, letter runs → a. */
function gramsOf(maskedLines: readonly string[]): Set<string> {
  const grams = new Set<string>();
  for (const line of maskedLines) {
    for (const token of bigramClasses(tokenize(line).replace(/[_\-@+]/g, ' ')).split(' ')) {
      if (!token) continue;
      // Concatenated, not sliced and joined: this loop is a sixth of the screening's time.
      const cs = [...`^${token}$`];
      for (let i = 0; i < cs.length; i++) {
        const two = i + 1 < cs.length ? cs[i]! + cs[i + 1]! : '';
        grams.add(cs[i]!);
        if (two) grams.add(two);
        if (i + 2 < cs.length) grams.add(two + cs[i + 2]!);
      }
    }
  }
  return grams;
}

/** The n-grams the learned model reads for an input (relief words already masked out). */
export function adStyleGrams(input: SpamScreeningInput): string[] {
  return [...gramsOf(prepare(input).maskedLines)];
}

/** A learned logistic model over `adStyleGrams`: log-odds = bias + Σ weight. */
export interface AdStyleModel {
  bias: number;
  weights: ReadonlyMap<string, number>;
}

interface Prepared {
  raw: string;
  /** `raw` normalised once (the rules that read unmasked text share it). */
  normalized: string;
  reliefHits: Set<string>;
  maskedLines: string[];
}

/**
 * A contact that belongs to the person being reported, not to the writer: 他微信号是…, 孩子说他
 * QQ号…, 她家里人的电话…. A reporter passing it on is helping, so it is no ad's contact.
 */
const THIRD_PARTY_CONTACT =
  /(?:他|她|孩子|老人|家人|家里人|亲属|儿子|女儿|哥哥|姐姐|弟弟|妹妹|老伴)(?:说)?(?:的)?(?:家人|家里人|儿子|女儿|哥|姐|哥哥|姐姐)?(?:的)?(?:微信号?|qq号?|电话|手机号?|号码)(?:是|为|:)?\s*[a-z0-9_-]{4,30}/g;
/** A link to a post on a news or video platform (a reporter pointing at a video of the person). */
const NEWS_LINK =
  /(?:https?:\/\/)?(?:[a-z0-9-]+\.)*(?:douyin|weibo|toutiao|kuaishou|bilibili|xinhuanet|people)\.(?:com\.cn|com|cn)(?:\/[a-z0-9_./?=&%-]*)?/g;

/**
 * A follow-up to a report already made (人还在 快点, 之前报过的还是没人来, 你们的车到哪了): short
 * and about no one by name, yet the surest sign of a real report there is.
 */
const FOLLOW_UP =
  /还在(?:那|这)|人还在|又(?:来了|在那)|(?:刚才|刚刚|之前|上午|下午|昨天|昨晚|早上|前天)(?:报|说|打电话说)的|报过|你们的车|(?:车|人)(?:到哪|到了没)|怎么还没(?:来|到)|还没(?:人)?来|没人来/g;
/** A place and nothing else (西门口, 报：柳巷南口): typed in a hurry, the details left to the call-back. */
const PLACE_ONLY =
  /^(?:报[:：]?)?[\p{Script=Han}a-z0-9]{1,10}(?:口|门|站|路|街|桥|巷|广场|公园|小区|楼下|对面|旁边|附近|底下|下面|后面)$/u;

const LINE_BREAK = /[\r\n\u2028\u2029\u0085]+/;

function prepare(input: SpamScreeningInput): Prepared {
  const fields = [input.description, input.address ?? '', ...(input.descriptors ?? [])].map((f) =>
    typeof f === 'string' ? f.slice(0, SPAM_MAX_SCREENED_CHARS) : '',
  );
  const raw = fields.join('\n');
  const reliefHits = new Set<string>();
  // A tapped toggle (老人, 衣着单薄…) describes someone, whatever words come with it.
  for (const d of input.descriptors ?? [])
    if (typeof d === 'string' && d.trim()) reliefHits.add(`toggle:${d}`);
  const normalized = normalizeLeadText(raw);
  const masked = normalized
    .replace(THIRD_PARTY_CONTACT, () => {
      reliefHits.add('对方联系方式');
      return '\n';
    })
    .replace(NEWS_LINK, '\n')
    .replace(FOLLOW_UP, () => {
      reliefHits.add('追报');
      return '\n';
    })
    .replace(RELIEF_RE, (m) => {
      reliefHits.add(m);
      return '\n';
    });
  return { raw, normalized, reliefHits, maskedLines: masked.split(LINE_BREAK) };
}

// ---------------------------------------------------------------------------------------------
// Learned ad-style model (see spam-learn.ts; the committed copy is spam-model.ts)

/** Formats a model the way `spam-model.ts` stores it: `bias:<b>` then `gram:weight`, 12 a line. */
export function formatAdStyleModel(model: AdStyleModel): string {
  const entries = [`bias:${model.bias}`, ...[...model.weights].map(([g, w]) => `${g}:${w}`)];
  const lines: string[] = [];
  for (let i = 0; i < entries.length; i += 12) lines.push(entries.slice(i, i + 12).join(' '));
  return lines.join('\n');
}

/** Reads what `formatAdStyleModel` wrote. */
export function parseAdStyleModel(text: string): AdStyleModel {
  let bias = 0;
  const weights = new Map<string, number>();
  for (const entry of text.split(/\s+/)) {
    if (!entry) continue;
    const i = entry.lastIndexOf(':');
    const [gram, w] = [entry.slice(0, i), Number(entry.slice(i + 1))];
    if (gram === 'bias') bias = w;
    else weights.set(gram, w);
  }
  return { bias, weights };
}

/** The committed model. */
export const adStyleModel: AdStyleModel = parseAdStyleModel(AD_STYLE_MODEL_TEXT);

// The model's log-odds, scaled and clamped: it can tip a text over the threshold with the rules'
// help, but it cannot quarantine a text alone, nor clear one that the rules find full of ads.
/** Added to a sales pitch that comes with a way to reach the seller. */
const CAMOUFLAGE_WEIGHT = 2;

const AD_STYLE_SCALE = 0.65;
const AD_STYLE_MIN = -3;
const AD_STYLE_MAX = 5;

/**
 * Where the learned model may quarantine on its own: the junk the rules let through because it
 * mentions 老人 or 冷 in passing (questions for the bureau, lost pets, a complaint about the
 * heating), whose relief credit no weighting of the graded style could outweigh. Only when the
 * model is very sure (log-odds ≥ 4, about 1 % of genuine reports when leaving one writer out),
 * relief words are few (in passing, not a scene described), the score is part way already
 * (≥ 1: the rules do not speak for the text) and there are words enough to have a style.
 * Chosen leaving one writer out, 25 writers: 96.9 → 98.1 % caught on the sets written blind,
 * 0.30 → 0.43 % quarantined; 86.6 → 93.0 % over all, with the sets written mostly of such junk.
 */
const CONFIDENT_LOG_ODDS = 4;
const CONFIDENT_RULES_FLOOR = 1;
const CONFIDENT_MAX_RELIEF_WORDS = 2;

// ---------------------------------------------------------------------------------------------
// Screening

/**
 * Screens the free text of a public lead for advertising spam. Pure and total: any strings in,
 * a score out, never throws. Adding relief vocabulary (to the description on its own line, to
 * the address or as a descriptor) never raises the score.
 */
export function screenLeadText(input: SpamScreeningInput, model: AdStyleModel = adStyleModel): SpamScreening {
  const { raw, normalized, reliefHits, maskedLines } = prepare(input);
  const contributions = new Map<SpamReason, number>();
  const add = (reason: SpamReason, w: number) => {
    if (w > 0) contributions.set(reason, (contributions.get(reason) ?? 0) + w);
  };

  const whole = maskedLines.join('\n');
  const callback = CALLBACK_RE.test(whole);
  let contact = 0;
  let numbers = 0;
  let ads = 0;
  let url = false;
  let obfuscated = false;
  for (const line of maskedLines) {
    if (line.length === 0) continue;
    const squeezed = squeeze(line);
    const tokens = tokenize(line);

    // Contact handles: a marker followed by an id is the strongest single sign of an ad.
    for (const m of tokens.matchAll(CONTACT_WITH_ID)) {
      const id = m[2]!.replace(/ /g, '');
      if (!/[0-9]/.test(id) && id.length < 6) continue;
      const phoneId = /^1[3-9]\d{9}$/.test(id);
      contact = Math.max(contact, phoneId ? 3 : 5);
      if (DISGUISED_MARKER.test(m[1]!)) obfuscated = true;
    }
    if (ADD_MARKER.test(tokens)) contact = Math.max(contact, 2);
    else if (MARKER_RE.test(tokens)) contact = Math.max(contact, 1);
    if (HANDLE.test(line)) contact = Math.max(contact, 5);
    if (LONE_WEI_WITH_ID.test(tokens)) {
      contact = Math.max(contact, 5);
      obfuscated = true;
    }

    const n = findNumbers(line, callback);
    numbers = Math.max(numbers, n.weight);
    if (n.obfuscated) obfuscated = true;

    const a = adKeywordWeight(squeezed, tokens);
    ads = Math.max(ads, a.weight);
    // A keyword that only appears once symbols are squeezed out was broken up on purpose.
    if (a.weight > 0 && a.weight > adKeywordWeight(line.replace(/\s+/g, ''), tokens).weight)
      obfuscated = true;

    if (URL_RE.test(line) || URL_SQUEEZED_RE.test(squeezed)) url = true;
    if (SPACED_OUT_RE.test(line)) obfuscated = true;
  }
  // A marker and an id split apart (加我v看最新名单 jzz8866); after 加/+ it is an invitation.
  if (contact > 0 && contact < 5 && maskedLines.some((l) => ID_LIKE.test(tokenize(l))))
    contact = Math.max(contact, maskedLines.some((l) => ADD_MARKER.test(tokenize(l))) ? 5 : 4);
  add('contact_id', contact);
  add('phone_number', numbers);
  add('ad_keyword', ads);
  if (url) add('url', 4);
  if (obfuscated || (raw.match(FANCY_RAW_RE)?.length ?? 0) >= 4) add('obfuscation', 3);

  // Repetition: share of repeated character trigrams in what is left after masking relief words.
  // A digit run counts as one character, so 13800138000 or 88888888 does not repeat itself.
  const flat = [...maskedLines.map((l) => squeeze(l).replace(/[0-9]+/g, '0')).join('\n')];
  let total = 0;
  const distinct = new Set<string>();
  for (let i = 0; i + 2 < flat.length; i++) {
    const gram = flat[i]! + flat[i + 1]! + flat[i + 2]!;
    if (gram.includes('\n')) continue;
    total++;
    distinct.add(gram);
  }
  if (total >= 8 && 1 - distinct.size / total >= 0.3) add('repetition', 2);

  if ((whole.match(STUFFING_RE)?.length ?? 0) >= 3) add('keyword_stuffing', 2);
  // A list of nouns rather than an account of someone: telegraphic text.
  const narrative = narrativeShare(maskedLines);
  if (narrative.han >= 8) add('keyword_stuffing', narrative.share < 0.05 ? 2 : narrative.share < 0.1 ? 1 : 0);
  if ((raw.match(DECORATION_RE)?.length ?? 0) >= 3) add('decoration', 1.5);
  // Lines of relief words alone are left out here and from the pitch below (see there), so
  // adding such a line (bang bang bang bang) cannot make a text look like a search-engine list.
  const pitchLines = normalized
    .split(LINE_BREAK)
    .filter((line) => squeeze(line.replace(RELIEF_RE, '')).length > 0);
  if (seoLine(pitchLines.join('\n'))) add('keyword_stuffing', 4);
  const rumours = normalized.match(RUMOUR_RE)?.length ?? 0;
  if (rumours) add('rumour', rumours >= 2 ? 5 : 3);
  if (MANIPULATION_RE.test(raw)) add('manipulation', 6);

  let logOdds = model.bias;
  for (const g of gramsOf(maskedLines)) logOdds += model.weights.get(g) ?? 0;
  let style = Math.min(AD_STYLE_MAX, Math.max(AD_STYLE_MIN, logOdds * AD_STYLE_SCALE));
  // Too few words to judge a style by (请回电 138…): only the rules speak against a short text.
  const styled = squeeze(whole).replace(/[0-9]/g, '').length >= 10;
  if (!styled) style = 0;
  add('ad_style', style >= 1 ? style : 0);

  // Read before masking, so a relief word inside a pitch (要钱 in 不通不要钱) cannot hide it. A
  // line of relief words alone is skipped (看一下，单薄 squeezes to …下单…): with that, and a test
  // keeping each relief word from matching a pitch, adding them never raises the score.
  const hashtags = (normalized.match(/#\p{Script=Han}{2,}/gu) ?? []).length;
  const pitch = salesPitch(pitchLines.map(squeeze).join('\n'));
  // Topic tags (#寒冬 #暖心 #正能量) are how a post asks to be spread; no report carries two.
  if (hashtags >= 2) Object.assign(pitch, { weight: Math.min(4, pitch.weight + 1.5), both: true });
  // A pitch is an ad however much report it wraps itself in
  // (桥下有个大哥… 羽绒服工厂直销 一三六…): relief words then earn no credit, and a way to reach
  // the seller (or a second offer, or a strong ad word) makes it an ad.
  // Unless it is a story told about someone (她说…, 被骗了…) with no way to reach the writer's
  // business: a victim's account repeats the pitch that fooled them (交了六千八的加盟费).
  const story = STORY_RE.test(normalized) && contact === 0 && !url;
  const pitched = pitch.weight > 0 && !story;
  const camouflaged = pitched && (contact > 0 || numbers > 0 || url || pitch.both || ads >= 2);
  add('sales_pitch', pitch.weight + (camouflaged ? CAMOUFLAGE_WEIGHT : 0));

  const toggled = [...reliefHits].some((h) => h.startsWith('toggle:'));
  if (reliefHits.size === 0) {
    // Nothing about anyone, and too short to say anything (在吗, 测试, 1111): nothing to act on.
    const said = squeeze(whole).length;
    // A word or two of Latin letters with no relief word among them (hello world, asdfgh): a
    // test or a keyboard mash. Longer English or pinyin texts are left to the other signals.
    const foreign = !/\p{Script=Han}/u.test(whole) && whole.trim().split(/\s+/).length <= 2;
    // Longer Latin text with no relief word at all (a question about the metro, a greeting, a
    // test): English and pinyin reports name someone in a state (a man sitting…, you ren tang zhe).
    const latinProse = !foreign && !/\p{Script=Han}/u.test(whole);
    const placeOnly = said <= 12 && PLACE_ONLY.test(squeeze(whole));
    add('no_relief_content', (said <= 12 && !placeOnly) || foreign || latinProse ? 5 : 4);
    if (foreign) style = Math.max(style, 0);
  } else if (toggled) {
    // A tapped toggle (老人, 衣着单薄…) describes someone, whatever the words say.
  } else if (ANIMAL.test(normalized) && !HUMAN.test(normalized.replace(NOT_THE_SUBJECT, ''))) {
    add('no_relief_content', ANIMAL_WEIGHT);
  } else if (!PERSON_RE.test(normalized)) {
    // Relief words but nobody in them (今天好冷啊…, 天冷了来碗热乎的…): weather talk, a shop, a
    // complaint about the site. A report names someone, if only 我 or 他.
    add('no_relief_content', NO_PERSON_WEIGHT);
  }
  const credit = pitched ? 0 : Math.min(3, 0.75 * reliefHits.size);

  let score = -credit + (style >= 1 ? 0 : pitched ? Math.max(0, style) : style);
  for (const w of contributions.values()) score += w;
  if (
    styled &&
    logOdds >= CONFIDENT_LOG_ODDS &&
    reliefHits.size <= CONFIDENT_MAX_RELIEF_WORDS &&
    score >= CONFIDENT_RULES_FLOOR &&
    score < SPAM_QUARANTINE_THRESHOLD
  ) {
    score = SPAM_QUARANTINE_THRESHOLD;
    contributions.set('off_topic', 0);
  }
  score = Math.round(score * 100) / 100;
  return {
    score,
    quarantine: score >= SPAM_QUARANTINE_THRESHOLD,
    reasons: spamReasons.filter((r) => contributions.has(r)),
  };
}
