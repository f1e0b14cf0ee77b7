/**
 * Encryption of what the patrol phone keeps on the device (the outbox and the cached shift data).
 *
 * Scheme: AES-GCM 256 with a random 96-bit IV per record. The key is made by WebCrypto with
 * `extractable: false` and stored in IndexedDB as a CryptoKey object (structured clone): the
 * browser keeps the key material in its own key store and no script, not even ours, can read its
 * bytes — `exportKey` refuses it. The records hold only {iv, ciphertext}.
 *
 * What it protects against: casual reading of the IndexedDB files on disk, a copy of the browser
 * profile or exported site storage, a developer-tools dump of the outbox — the encounter bodies
 * (names, resident ids, phones, positions) are ciphertext there, and the key cannot be copied
 * out by script to decrypt them elsewhere.
 *
 * What it does not protect against: script running in the page's origin (an XSS, a malicious
 * extension with access to the page) can ask the browser to *use* the key and decrypt everything;
 * a rooted or unlocked device whose browser profile is read together with the browser's own key
 * storage; someone holding the unlocked phone with the app open. Losing the key (site data
 * cleared) loses the queued records with it — which is also what clearing site data means.
 */
import type { IDBPDatabase } from 'idb';

export interface Sealed {
  iv: Uint8Array<ArrayBuffer>;
  data: ArrayBuffer;
}

// biome-ignore lint/suspicious/noExplicitAny: the key store is one record in any idb database
type KeyDb = IDBPDatabase<any>;

const KEY_STORE = 'keys';
const KEY_ID = 'outbox';

/** The device key: made once, non-extractable, kept as a CryptoKey object (never raw bytes). */
export async function deviceKey(db: KeyDb): Promise<CryptoKey> {
  const found = (await db.get(KEY_STORE, KEY_ID)) as CryptoKey | undefined;
  if (found) return found;
  const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, [
    'encrypt',
    'decrypt',
  ]);
  // Two tabs may race here: `add` lets only the first key in, and both then use that one.
  const tx = db.transaction(KEY_STORE, 'readwrite', { durability: 'strict' });
  const store = tx.objectStore(KEY_STORE);
  if (!(await store.get(KEY_ID))) await store.add(key, KEY_ID);
  await tx.done;
  return (await db.get(KEY_STORE, KEY_ID)) as CryptoKey;
}

export async function seal(key: CryptoKey, value: unknown): Promise<Sealed> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const plain = new TextEncoder().encode(JSON.stringify(value));
  return { iv, data: await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, plain) };
}

export async function open<T>(key: CryptoKey, sealed: Sealed): Promise<T> {
  const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: sealed.iv }, key, sealed.data);
  return JSON.parse(new TextDecoder().decode(plain)) as T;
}

/** Raw bytes (a photo), sealed the same way but without the JSON round trip. */
export async function sealBytes(key: CryptoKey, bytes: ArrayBuffer): Promise<Sealed> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  return { iv, data: await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, bytes) };
}

export function openBytes(key: CryptoKey, sealed: Sealed): Promise<ArrayBuffer> {
  return crypto.subtle.decrypt({ name: 'AES-GCM', iv: sealed.iv }, key, sealed.data);
}
