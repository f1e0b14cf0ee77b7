import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import 'dayjs/locale/zh-cn';

dayjs.extend(utc);
dayjs.extend(timezone);

/** Times are shown in China Standard Time wherever the browser happens to be. */
export const TIME_ZONE = 'Asia/Shanghai';

export function formatTime(iso: string | null | undefined, pattern = 'YYYY-MM-DD HH:mm'): string {
  return iso ? dayjs(iso).tz(TIME_ZONE).format(pattern) : '—';
}

export { dayjs };
