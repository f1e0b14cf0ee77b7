/** One reading of the phone's position, asked for only after the person agrees. */

export interface Position {
  lat: number;
  lng: number;
  accuracyM: number;
}

export type GeoResult = { ok: true; position: Position } | { ok: false; message: string };

/** Browsers give positions only on HTTPS (or localhost); on plain HTTP the button is not shown. */
export function canLocate(): boolean {
  return 'geolocation' in navigator && window.isSecureContext;
}

export function locate(): Promise<GeoResult> {
  return new Promise((resolve) => {
    navigator.geolocation.getCurrentPosition(
      (p) =>
        resolve({
          ok: true,
          position: {
            lat: round(p.coords.latitude, 6),
            lng: round(p.coords.longitude, 6),
            accuracyM: Math.max(1, Math.round(p.coords.accuracy)),
          },
        }),
      (error) => resolve({ ok: false, message: explain(error) }),
      { enableHighAccuracy: true, timeout: 20_000, maximumAge: 60_000 },
    );
  });
}

function explain(error: GeolocationPositionError): string {
  switch (error.code) {
    case error.PERMISSION_DENIED:
      return '没有得到读取位置的许可。请在下面填写地址或地标；也可以在手机设置里允许浏览器使用位置后再试。';
    case error.TIMEOUT:
      return '定位超时了（信号可能较弱）。可以再试一次，或在下面填写地址或地标。';
    default:
      return '暂时无法定位。请在下面填写地址或地标。';
  }
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** 约 25 米 / 约 1.2 公里 */
export function describeAccuracy(metres: number): string {
  return metres < 1000 ? `约 ${Math.round(metres)} 米` : `约 ${(metres / 1000).toFixed(1)} 公里`;
}
