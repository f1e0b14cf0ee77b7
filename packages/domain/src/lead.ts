/**
 * Leads: any signal that someone may need help (GLOSSARY `lead`), their sources, what the
 * reporter saw, and the lifecycle every channel shares. Pure rules; the server enforces them.
 */

export const leadSources = [
  'public',
  'sentinel',
  'hotline',
  'police_110',
  'city_grid',
  'video',
  'drone',
  'patrol',
] as const;
export type LeadSource = (typeof leadSources)[number];

export const leadSourceLabels: Record<LeadSource, { zh: string; en: string }> = {
  public: { zh: '群众上报', en: 'Public report' },
  sentinel: { zh: '信息哨点', en: 'Sentinel' },
  hotline: { zh: '救助热线', en: 'Hotline' },
  police_110: { zh: '110 转警', en: 'Police 110' },
  city_grid: { zh: '城市网格', en: 'City grid' },
  video: { zh: '雪亮工程', en: 'Video platform' },
  drone: { zh: '无人机', en: 'Drone' },
  patrol: { zh: '巡查发现', en: 'Found on patrol' },
};

/** What the reporter saw: the big toggles of the report form. Order = form order. */
export const leadDescriptors = [
  'elderly',
  'minor',
  'injured_or_ill',
  'thin_clothing',
  'mental_distress',
  'intoxicated',
  'mobility_impaired',
  'group',
] as const;
export type LeadDescriptor = (typeof leadDescriptors)[number];

export const leadDescriptorLabels: Record<LeadDescriptor, { zh: string; en: string }> = {
  elderly: { zh: '老人', en: 'Elderly' },
  minor: { zh: '未成年人', en: 'Minor' },
  injured_or_ill: { zh: '受伤/生病', en: 'Injured or ill' },
  thin_clothing: { zh: '衣着单薄', en: 'Thinly dressed' },
  mental_distress: { zh: '疑似精神异常', en: 'Possible mental disorder' },
  intoxicated: { zh: '醉酒', en: 'Drunk' },
  mobility_impaired: { zh: '行动不便', en: 'Cannot move well' },
  group: { zh: '多人', en: 'Several people' },
};

/** Descriptors that put a lead at the front of the queue (minors, elderly, injured first). */
export const vulnerableDescriptors: readonly LeadDescriptor[] = [
  'minor',
  'elderly',
  'injured_or_ill',
  'mental_distress',
];

export const leadStates = [
  'new',
  'triaged',
  'dispatched',
  'on_scene',
  'resolved',
  'not_found',
  'duplicate',
  'spam',
  'closed',
] as const;
export type LeadState = (typeof leadStates)[number];

export const leadStateLabels: Record<LeadState, { zh: string; en: string }> = {
  new: { zh: '新线索', en: 'New' },
  triaged: { zh: '已研判', en: 'Triaged' },
  dispatched: { zh: '已派单', en: 'Dispatched' },
  on_scene: { zh: '已到场', en: 'On scene' },
  resolved: { zh: '已救助', en: 'Resolved' },
  not_found: { zh: '未找到', en: 'Not found' },
  duplicate: { zh: '重复线索', en: 'Duplicate' },
  spam: { zh: '已隔离（疑似广告）', en: 'Quarantined (spam)' },
  closed: { zh: '已关闭', en: 'Closed' },
};

/**
 * Allowed moves. `not_found` re-queues (back to triaged for the next patrol near there);
 * `duplicate` and `spam` are undoable, so they lead back to where a lead can be worked.
 */
const transitions: Record<LeadState, readonly LeadState[]> = {
  new: ['triaged', 'dispatched', 'duplicate', 'spam', 'closed'],
  triaged: ['dispatched', 'duplicate', 'spam', 'closed'],
  dispatched: ['on_scene', 'triaged', 'not_found', 'resolved', 'closed'],
  on_scene: ['resolved', 'not_found', 'closed'],
  resolved: ['closed'],
  not_found: ['triaged', 'dispatched', 'closed'],
  duplicate: ['new'],
  spam: ['new'],
  closed: [],
};

export function canTransition(from: LeadState, to: LeadState): boolean {
  return transitions[from].includes(to);
}

/** Open = still someone's job: waiting for a team, or a team on its way or there. */
export const openLeadStates: readonly LeadState[] = ['new', 'triaged', 'dispatched', 'on_scene'];

/** The command centre's queue: the open leads and those not found, re-queued for the next patrol. */
export const queuedLeadStates: readonly LeadState[] = [...openLeadStates, 'not_found'];

export function isOpenLead(state: LeadState): boolean {
  return openLeadStates.includes(state);
}

/** What a reporter is told: plain words, never internal detail (spam looks merely received). */
export const publicLeadStatuses = ['received', 'dispatched', 'helped', 'not_found', 'closed'] as const;
export type PublicLeadStatus = (typeof publicLeadStatuses)[number];

export const publicLeadStatusLabels: Record<PublicLeadStatus, { zh: string; en: string }> = {
  received: { zh: '已受理', en: 'Received' },
  dispatched: { zh: '已派出救助队', en: 'A team is on its way' },
  helped: { zh: '已找到并救助', en: 'Found and helped' },
  not_found: { zh: '未找到，将继续巡查', en: 'Not found yet; patrols will keep looking' },
  closed: { zh: '已办结', en: 'Closed' },
};

export function publicLeadStatus(state: LeadState): PublicLeadStatus {
  switch (state) {
    case 'dispatched':
    case 'on_scene':
      return 'dispatched';
    case 'resolved':
      return 'helped';
    case 'not_found':
      return 'not_found';
    case 'closed':
      return 'closed';
    default:
      return 'received';
  }
}

/** Tracking codes: 8 characters of Crockford base32 (no I, L, O, U), easy to read aloud. */
export const TRACKING_CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const trackingCodePattern = /^[0-9A-HJKMNP-TV-Z]{8}$/;

/** Accepts what people type: lower case, spaces, dashes, and O/I/L for 0/1/1. */
export function normaliseTrackingCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

/**
 * Photos a member of the public may attach to a report. The server re-encodes each one to a
 * JPEG no larger than `PHOTO_MAX_EDGE` on its longer side; the web page shrinks them to the
 * same size first to spare a weak network.
 */
export const MAX_LEAD_PHOTOS = 3;
export const PHOTO_MAX_BYTES = 10 * 1024 * 1024;
/** Decoded size cap (40 megapixels): a small file that claims huge dimensions is refused unread. */
export const PHOTO_MAX_PIXELS = 40_000_000;
export const PHOTO_MAX_EDGE = 1600;
