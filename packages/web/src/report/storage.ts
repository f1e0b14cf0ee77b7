/**
 * What this device remembers: an anonymous device token (sent with each report so repeated
 * reports from one phone can be recognised without an account), the tracking codes it
 * submitted, and an unsent draft. Storage may be unavailable (private mode, disabled
 * cookies): every access is guarded and the page works without it.
 */

const DEVICE_KEY = 'warmline.report.device';
const CODES_KEY = 'warmline.report.codes';
const DRAFT_KEY = 'warmline.report.draft';
/** A phone keeps the latest few; older codes can still be looked up by hand. */
const MAX_CODES = 20;

export interface SubmittedCode {
  code: string;
  /** ISO time the report was sent from this device. */
  at: string;
}

function read(storage: () => Storage, key: string): string | null {
  try {
    return storage().getItem(key);
  } catch {
    return null;
  }
}

function write(storage: () => Storage, key: string, value: string | null): void {
  try {
    if (value === null) storage().removeItem(key);
    else storage().setItem(key, value);
  } catch {
    // Full or unavailable: nothing to do, the page works without it.
  }
}

const local = () => window.localStorage;
const session = () => window.sessionStorage;

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** crypto.randomUUID exists only on HTTPS; stations often serve plain HTTP on a LAN. */
export function randomUuid(): string {
  if (typeof crypto.randomUUID === 'function' && window.isSecureContext) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function deviceToken(): string {
  const known = read(local, DEVICE_KEY);
  if (known && uuidPattern.test(known)) return known;
  const token = randomUuid();
  write(local, DEVICE_KEY, token);
  return token;
}

export function submittedCodes(): SubmittedCode[] {
  try {
    const parsed: unknown = JSON.parse(read(local, CODES_KEY) ?? '[]');
    if (!Array.isArray(parsed)) return [];
    return parsed.filter((c): c is SubmittedCode => typeof c?.code === 'string' && typeof c?.at === 'string');
  } catch {
    return [];
  }
}

export function rememberCode(code: string, at = new Date().toISOString()): void {
  const codes = [{ code, at }, ...submittedCodes().filter((c) => c.code !== code)].slice(0, MAX_CODES);
  write(local, CODES_KEY, JSON.stringify(codes));
}

export interface Draft {
  descriptors: string[];
  description: string;
  address: string;
  phone: string;
  callBack: boolean;
}

/**
 * The draft lives in sessionStorage: it survives a reload or a lost connection in this tab,
 * but a phone number is not left behind on a shared device once the tab is closed.
 */
export function loadDraft(): Partial<Draft> | null {
  try {
    const parsed: unknown = JSON.parse(read(session, DRAFT_KEY) ?? 'null');
    return parsed && typeof parsed === 'object' ? (parsed as Partial<Draft>) : null;
  } catch {
    return null;
  }
}

export function saveDraft(draft: Draft | null): void {
  write(session, DRAFT_KEY, draft ? JSON.stringify(draft) : null);
}
