/**
 * Where the phone is, for a check-in or an encounter. A fresh GPS fix when there is one; when
 * it fails (no fix indoors, a phone whose location needs the network), the last fix this device
 * had, from localStorage — the server still checks distance for check-ins, and a stale position
 * is better than losing the record. Kept simple on purpose: no accuracy or age threshold.
 */
const KEY = 'wl-last-position';

export interface Position {
  lat: number;
  lng: number;
}

export function currentPosition(): Promise<Position> {
  return new Promise((resolve, reject) =>
    navigator.geolocation.getCurrentPosition(
      (p) => {
        const here = { lat: p.coords.latitude, lng: p.coords.longitude };
        localStorage.setItem(KEY, JSON.stringify({ ...here, at: Date.now() }));
        resolve(here);
      },
      (error) => {
        const last = lastPosition();
        if (last) resolve(last);
        else reject(error);
      },
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    ),
  );
}

export function lastPosition(): Position | null {
  try {
    const saved = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Position | null;
    return saved && Number.isFinite(saved.lat) && Number.isFinite(saved.lng)
      ? { lat: saved.lat, lng: saved.lng }
      : null;
  } catch {
    return null;
  }
}
