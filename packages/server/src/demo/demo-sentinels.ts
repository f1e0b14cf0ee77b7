import {
  type LeadDescriptor,
  type SentinelOrgType,
  type SentinelState,
  vulnerableDescriptors,
} from '@warmline/domain';
import type { Tx } from '../db/pool.ts';
import { lead, sentinel } from '../db/schema.ts';
import { createEventRecorder } from '../platform/events.ts';
import type { Ids } from '../platform/ids.ts';
import { hashSecret } from '../platform/secret.ts';

/**
 * 信息哨点 in the demo city: a street sweeper in 浈江区 and a delivery rider in 武江区, both
 * approved by their county bureau, and a courier still waiting for review. Their tokens are
 * printed in the README so a person can open /sentinel as one of them; like real tokens, only
 * their hashes are stored.
 */
interface DemoSentinel {
  token: string;
  displayName: string;
  phone: string;
  orgType: SentinelOrgType;
  orgName: string;
  regionCode: string;
  state: SentinelState;
  /** The county admin who reviewed the registration (demo username). */
  reviewer?: string;
  reviewNote?: string;
  daysAgo: number;
  reports: {
    code: string;
    hoursAgo: number;
    address: string;
    lat: number;
    lng: number;
    descriptors: LeadDescriptor[];
    description: string;
    /** Closed with this note a while after it arrived; open otherwise. */
    closedNote?: string;
    triaged?: boolean;
  }[];
}

export const demoSentinels: DemoSentinel[] = [
  {
    token: 'demo-sentinel-huanwei',
    displayName: '王桂英',
    phone: '13602510001',
    orgType: 'sanitation',
    orgName: '浈江区环境卫生管理所',
    regionCode: '440204',
    state: 'approved',
    reviewer: 'zhenjiang',
    reviewNote: '已与环卫所核实身份',
    daysAgo: 20,
    reports: [
      {
        code: 'HW2K7Q0A',
        hoursAgo: 300,
        address: '浈江区风度路五里亭桥下',
        lat: 24.8167,
        lng: 113.6102,
        descriptors: ['elderly', 'thin_clothing'],
        description: '凌晨清扫时看到桥下有位老人裹着纸板睡，衣服很薄',
        closedNote: '已由巡查队送至韶关市救助管理站',
      },
      {
        code: 'HW3M8R1B',
        hoursAgo: 170,
        address: '浈江区东河街道东堤路地下通道',
        lat: 24.8083,
        lng: 113.6036,
        descriptors: ['group'],
        description: '地下通道里有三个人打地铺，带着大包行李',
        closedNote: '现场劝导，本人不愿入站，已发放棉被和温暖包',
      },
      {
        code: 'HW4N9S2C',
        hoursAgo: 60,
        address: '韶关站站前广场东侧',
        lat: 24.8129,
        lng: 113.6052,
        descriptors: ['minor'],
        description: '一个十来岁的孩子一早就在广场长椅上坐着，问他不说话',
        closedNote: '已联系家属接回',
      },
      {
        code: 'HW5P0T3D',
        hoursAgo: 5,
        address: '浈江区风度路五里亭桥下',
        lat: 24.8166,
        lng: 113.6104,
        descriptors: ['elderly', 'injured_or_ill'],
        description: '桥下那位老人又回来了，腿好像受了伤，走路很困难',
      },
    ],
  },
  {
    token: 'demo-sentinel-qishou',
    displayName: '李志强',
    phone: '13602510002',
    orgType: 'delivery_rider',
    orgName: '武江区外卖配送站',
    regionCode: '440203',
    state: 'approved',
    reviewer: 'wujiang',
    reviewNote: '配送站站长推荐',
    daysAgo: 12,
    reports: [
      {
        code: 'QS6Q1V4E',
        hoursAgo: 120,
        address: '武江区西河桥桥洞',
        lat: 24.8051,
        lng: 113.5911,
        descriptors: ['intoxicated'],
        description: '送餐路过，桥洞里有人喝醉了躺着，叫不醒',
        closedNote: '醉酒人员已交由派出所处置',
      },
      {
        code: 'QS7R2W5F',
        hoursAgo: 20,
        address: '武江区芙蓉新城自助银行',
        lat: 24.7812,
        lng: 113.5703,
        descriptors: ['mobility_impaired', 'thin_clothing'],
        description: '坐轮椅的大叔在自助银行里过夜，说找不到工作',
        triaged: true,
      },
    ],
  },
  {
    token: 'demo-sentinel-kuaidi',
    displayName: '陈晓东',
    phone: '13602510003',
    orgType: 'courier',
    orgName: '浈江区快递驿站',
    regionCode: '440204',
    state: 'pending',
    daysAgo: 1,
    reports: [],
  },
];

/**
 * Written with the events real use writes, each at the time it happened: registered, approved
 * by the county admin; each report received, then triaged or closed by the dispatcher.
 */
export async function seedDemoSentinels(
  tx: Tx,
  ids: Ids,
  now: Date,
  userIds: Map<string, string>,
  requestId: string,
): Promise<void> {
  let at = now;
  const record = createEventRecorder({ clock: { now: () => at }, ids });
  const hours = (h: number) => new Date(now.getTime() - h * 3_600_000);
  const dispatcherId = userIds.get('dispatcher') ?? null;
  for (const s of demoSentinels) {
    const id = ids.next();
    const registeredAt = hours(s.daysAgo * 24);
    const reviewedAt = new Date(registeredAt.getTime() + 6 * 3_600_000);
    const reviewerId = s.reviewer ? (userIds.get(s.reviewer) ?? null) : null;
    await tx.insert(sentinel).values({
      id,
      displayName: s.displayName,
      phone: s.phone,
      orgType: s.orgType,
      orgName: s.orgName,
      regionCode: s.regionCode,
      state: s.state,
      tokenHash: hashSecret(s.token),
      reviewedBy: reviewerId,
      reviewedAt: s.reviewer ? reviewedAt : null,
      reviewNote: s.reviewNote ?? null,
      createdAt: registeredAt,
      updatedAt: s.reviewer ? reviewedAt : registeredAt,
    });
    const entity = { entityType: 'sentinel', entityId: id, regionCode: s.regionCode } as const;
    at = registeredAt;
    await record(
      tx,
      { actorId: null, requestId },
      { ...entity, action: 'sentinel.registered', payload: { orgType: s.orgType } },
    );
    if (s.state === 'approved') {
      at = reviewedAt;
      await record(
        tx,
        { actorId: reviewerId, requestId },
        {
          ...entity,
          action: 'sentinel.approved',
          payload: { from: 'pending', to: 'approved', orgType: s.orgType },
        },
      );
    }
    for (const r of s.reports) {
      const leadId = ids.next();
      const receivedAt = hours(r.hoursAgo);
      const handledAt = new Date(receivedAt.getTime() + (r.closedNote ? 75 : 8) * 60_000);
      const state = r.closedNote ? 'closed' : r.triaged ? 'triaged' : 'new';
      await tx.insert(lead).values({
        id: leadId,
        trackingCode: r.code,
        source: 'sentinel',
        state,
        descriptors: r.descriptors,
        description: r.description,
        address: r.address,
        lat: r.lat,
        lng: r.lng,
        regionCode: s.regionCode,
        sentinelId: id,
        outcomeNote: r.closedNote ?? null,
        receivedAt,
        updatedAt: state === 'new' ? receivedAt : handledAt,
      });
      const leadEntity = { entityType: 'lead', entityId: leadId, regionCode: s.regionCode } as const;
      const vulnerable = r.descriptors.some((d) => vulnerableDescriptors.includes(d));
      at = receivedAt;
      await record(
        tx,
        { actorId: null, requestId },
        {
          ...leadEntity,
          action: 'lead.received',
          payload: { source: 'sentinel', descriptors: r.descriptors, vulnerable, state: 'new' },
        },
      );
      if (state === 'new') continue;
      at = handledAt;
      await record(
        tx,
        { actorId: dispatcherId, requestId },
        {
          ...leadEntity,
          action: state === 'closed' ? 'lead.closed' : 'lead.triaged',
          payload: { from: 'new', to: state, source: 'sentinel' },
        },
      );
    }
  }
}
