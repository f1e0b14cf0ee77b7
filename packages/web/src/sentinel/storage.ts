/**
 * The sentinel's token lives on their phone (localStorage): it is their only credential, shown
 * once at registration. Storage may be unavailable (private mode): then it lasts for this visit.
 */
const TOKEN_KEY = 'warmline.sentinel.token';
let fallback: string | null = null;

export function loadToken(): string | null {
  try {
    return window.localStorage.getItem(TOKEN_KEY) ?? fallback;
  } catch {
    return fallback;
  }
}

export function saveToken(token: string | null): void {
  fallback = token;
  try {
    if (token === null) window.localStorage.removeItem(TOKEN_KEY);
    else window.localStorage.setItem(TOKEN_KEY, token);
  } catch {
    // Unavailable: the in-memory copy serves this visit.
  }
}
