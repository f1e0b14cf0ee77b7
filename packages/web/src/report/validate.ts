/**
 * The report form's rules, mirroring the server's (which has the last word): a place, and
 * something about the person. Messages are the words a person reads, in Chinese.
 * Pure functions, no DOM, so they are unit-tested.
 */

import type { LeadDescriptor } from '@warmline/domain';
import { phonePattern } from '@warmline/domain';

export const DESCRIPTION_MAX = 1000;
export const ADDRESS_MAX = 200;
// Lengths are counted as the server and `maxlength` count them (UTF-16 units).

export interface FormValues {
  descriptors: LeadDescriptor[];
  description: string;
  address: string;
  position: { lat: number; lng: number; accuracyM?: number } | null;
  phone: string;
  callBack: boolean;
}

export type Field = 'location' | 'details' | 'description' | 'address' | 'phone';
export type Problems = Partial<Record<Field, string>>;

/** What the server accepts: a mainland mobile (11 digits from 1) or a landline with area code. */

/**
 * Accepts what people type — spaces, dashes, brackets, a +86 prefix — and returns the number
 * the server accepts, or null when it is not a mainland mobile or landline.
 */
export function normalisePhone(input: string): string | null {
  let digits = input.replace(/[\s()（）\-－—]/g, '');
  digits = digits.replace(/^(?:\+86|0086)/, '');
  if (/^86\d{11}$/.test(digits)) digits = digits.slice(2);
  return /^\d+$/.test(digits) && phonePattern.test(digits) ? digits : null;
}

export function validate(values: FormValues): Problems {
  const problems: Problems = {};
  const address = values.address.trim();
  const description = values.description.trim();
  const phone = values.phone.trim();
  if (!values.position && !address) {
    problems.location = '请告诉我们地点：点「使用我的位置」，或填写地址、地标';
  }
  if (address.length > ADDRESS_MAX) {
    problems.address = `地址最多 ${ADDRESS_MAX} 个字，现在是 ${address.length} 个字`;
  }
  if (values.descriptors.length === 0 && !description) {
    problems.details = '请至少选择一项情况，或简单写下你看到的';
  }
  if (description.length > DESCRIPTION_MAX) {
    problems.description = `描述最多 ${DESCRIPTION_MAX} 个字，现在是 ${description.length} 个字，请删减一些`;
  }
  if (phone && !normalisePhone(phone)) {
    problems.phone = '电话号码格式不对：请填写 11 位手机号，或带区号的座机号（如 0751-8123456）';
  } else if (values.callBack && !phone) {
    problems.phone = '勾选了「可以回电给我」，请留下电话号码';
  }
  return problems;
}
