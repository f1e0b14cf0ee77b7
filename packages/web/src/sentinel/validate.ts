/**
 * The registration form's rules, mirroring the server's (which has the last word). Pure, so
 * they are unit-tested; messages are the words a person reads.
 */
import { type SentinelOrgType, sentinelOrgTypes } from '@warmline/domain';
import { normalisePhone } from '../report/validate.ts';

export const NAME_MAX = 40;
export const ORG_NAME_MAX = 60;

export interface RegistrationValues {
  displayName: string;
  phone: string;
  orgType: SentinelOrgType | null;
  orgName: string;
}

export type RegistrationField = 'displayName' | 'phone' | 'orgType' | 'orgName';
export type RegistrationProblems = Partial<Record<RegistrationField, string>>;

export function validateRegistration(values: RegistrationValues): RegistrationProblems {
  const problems: RegistrationProblems = {};
  const name = values.displayName.trim();
  if (!name) problems.displayName = '请填写姓名，方便民政局核实';
  else if (name.length > NAME_MAX) problems.displayName = `姓名最多 ${NAME_MAX} 个字`;
  if (!normalisePhone(values.phone)) problems.phone = '请填写 11 位手机号，或带区号的座机号';
  if (!values.orgType || !sentinelOrgTypes.includes(values.orgType)) problems.orgType = '请选择你的工作';
  if (values.orgName.trim().length > ORG_NAME_MAX) problems.orgName = `单位名称最多 ${ORG_NAME_MAX} 个字`;
  return problems;
}

/** A pasted token: what people copy often carries spaces or the word 口令. */
export function cleanToken(input: string): string | null {
  const token = input.replace(/^\s*(口令[:：]?)?\s*/, '').trim();
  return /^[\w.-]{8,200}$/.test(token) ? token : null;
}
