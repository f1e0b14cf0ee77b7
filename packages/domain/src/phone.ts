/**
 * Mainland phone numbers as people give them: an 11-digit mobile, or a landline with its area
 * code (the dash optional). One rule for the API, the staff forms and the public page.
 */
export const phonePattern = /^1\d{10}$|^0\d{2,3}-?\d{7,8}$/;

/**
 * A phone number is personal data: lists show it masked, and only a deliberate, audited read
 * shows it whole. 13812345678 → 138****5678; landlines keep area code and last two digits.
 */
export function maskPhone(phone: string | null): string | null {
  if (!phone) return null;
  if (/^1\d{10}$/.test(phone)) return `${phone.slice(0, 3)}****${phone.slice(7)}`;
  return `${phone.slice(0, 4)}****${phone.slice(-2)}`;
}
