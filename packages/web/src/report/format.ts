/** Times in China Standard Time wherever the phone happens to be set, without a date library. */
const TIME_ZONE = 'Asia/Shanghai';

const dateTime = new Intl.DateTimeFormat('zh-CN', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

const clock = new Intl.DateTimeFormat('zh-CN', {
  timeZone: TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function parts(format: Intl.DateTimeFormat, date: Date): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of format.formatToParts(date)) out[p.type] = p.value;
  return out;
}

/** 1月12日 21:05 this year (Beijing time), 2025年1月12日 21:05 otherwise. */
export function formatDateTime(iso: string, now = new Date()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '—';
  const p = parts(dateTime, date);
  const year = p.year === parts(dateTime, now).year ? '' : `${p.year}年`;
  return `${year}${p.month}月${p.day}日 ${p.hour}:${p.minute}`;
}

/** 21:05:33 */
export function formatClock(date: Date): string {
  const p = parts(clock, date);
  return `${p.hour}:${p.minute}:${p.second}`;
}

/** 7K2M9PQ0 → 7K2M 9PQ0: easier to read aloud over the phone; copying keeps the plain code. */
export function groupCode(code: string): string {
  return code.length === 8 ? `${code.slice(0, 4)} ${code.slice(4)}` : code;
}
