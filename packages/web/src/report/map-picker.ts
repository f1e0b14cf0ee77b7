/**
 * 在地图上选点: a full-screen map with a fixed pin in the middle; the person moves the map
 * under the pin and confirms. Loaded with import() only when tapped, so Leaflet (~44 KB gz)
 * never weighs on the first load. Offered only when a tile source is configured.
 *
 * Coordinates are WGS-84, as everywhere; a GCJ-02 tile source (AMap, Tencent) would need
 * converting here with `gcoord` (see features/map/RegionMap.tsx).
 */
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { h } from './dom.ts';

export interface PickOptions {
  tileUrl: string;
  attribution: string;
  start: { lat: number; lng: number } | null;
}

/** Closer than street level, a pin could be anywhere in a district: ask to zoom in first. */
const MIN_ZOOM_TO_PICK = 15;
const CHINA: L.LatLngBoundsExpression = [
  [18, 73],
  [53.5, 135],
];

export function pickPoint(
  options: PickOptions,
): Promise<{ lat: number; lng: number; accuracyM: number } | null> {
  return new Promise((resolve) => {
    const opener = document.activeElement as HTMLElement | null;
    const mapBox = h('div', { class: 'picker-map', 'data-testid': 'picker-map' });
    const confirm = h('button', { type: 'button', class: 'btn primary', 'data-testid': 'picker-confirm' });
    const cancel = h('button', { type: 'button', class: 'btn quiet' }, '取消');
    const dialog = h(
      'div',
      { class: 'picker', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'picker-title' },
      h(
        'div',
        { class: 'picker-top' },
        h('p', { id: 'picker-title' }, h('strong', null, '移动地图，把红点对准那个人所在的位置')),
      ),
      h('div', { class: 'picker-stage' }, mapBox, h('div', { class: 'picker-pin', 'aria-hidden': 'true' })),
      h('div', { class: 'picker-actions' }, cancel, confirm),
    );
    document.body.appendChild(dialog);
    document.body.classList.add('picker-open');

    const map = L.map(mapBox, { zoomControl: true, attributionControl: true });
    map.attributionControl.setPrefix(false);
    L.tileLayer(options.tileUrl, { attribution: options.attribution, maxZoom: 19 }).addTo(map);
    if (options.start) map.setView([options.start.lat, options.start.lng], 17);
    else map.fitBounds(CHINA);

    const update = () => {
      const ready = map.getZoom() >= MIN_ZOOM_TO_PICK;
      confirm.disabled = !ready;
      confirm.textContent = ready ? '就是这里' : '请先放大地图';
    };
    map.on('zoomend', update);
    update();

    const close = (result: { lat: number; lng: number; accuracyM: number } | null) => {
      map.remove();
      dialog.remove();
      document.body.classList.remove('picker-open');
      document.removeEventListener('keydown', onKey);
      opener?.focus();
      resolve(result);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') close(null);
    };
    document.addEventListener('keydown', onKey);
    cancel.addEventListener('click', () => close(null));
    confirm.addEventListener('click', () => {
      const c = map.getCenter();
      // Metres per screen pixel at this zoom and latitude; a finger is ~20 px wide.
      const metresPerPixel = (40_075_016.686 * Math.cos((c.lat * Math.PI) / 180)) / 2 ** (map.getZoom() + 8);
      close({
        lat: Math.round(c.lat * 1e6) / 1e6,
        lng: Math.round(c.lng * 1e6) / 1e6,
        accuracyM: Math.max(5, Math.round(metresPerPixel * 20)),
      });
    });
    (confirm.disabled ? cancel : confirm).focus();
  });
}
