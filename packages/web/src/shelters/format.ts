/** Words the finder shows, kept apart from the DOM so they are tested on their own. */
import type { FinderAnswer } from './api.ts';

/** 约 450 米 · 约 2.3 公里 (a walk is told in tens of metres, nobody counts single ones). */
export function formatDistance(metres: number): string {
  if (metres < 1000) return `约 ${Math.max(10, Math.round(metres / 10) * 10)} 米`;
  return `约 ${(metres / 1000).toFixed(1)} 公里`;
}

/** What the list is sorted by, in a sentence. */
export function describeOrigin(answer: Pick<FinderAnswer, 'origin' | 'unmatched'>, typed?: string): string {
  const o = answer.origin;
  if (answer.unmatched) return `没有找到「${typed ?? ''}」，下面是全市开放的避寒点。`;
  if (!o) return '全市开放的避寒点。用你的位置或输入所在地点，可以按远近排序。';
  if (o.kind === 'position') return '按离你的距离排序，最近的在前。';
  if (o.kind === 'region') return `${o.label ?? ''}开放的避寒点。`;
  return `按离「${o.label ?? ''}」的距离排序。`;
}

/** The number to dial: digits only (a landline's dash would stop some phones' dialers). */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}
