/**
 * The jurisdiction map: county outlines of the user's city (their own county highlighted)
 * and points such as organisations. Leaflet lives only in this module's chunk; pages load it
 * with React.lazy so screens without a map never download it.
 *
 * Coordinates are WGS-84 throughout. When the configured tiles are a GCJ-02 source (AMap,
 * Tencent) everything will sit a few hundred metres off; convert at this edge with `gcoord`
 * once such a source is configured. Tianditu and OSM are WGS-84 and need nothing.
 */
import { useQuery } from '@tanstack/react-query';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { useEffect, useMemo, useRef } from 'react';
import { useAppConfig } from '../../app/config.ts';
import { focusCountyOf, loadBoundaries } from './boundaries.ts';
import './region-map.css';

export interface MapPoint {
  id: string;
  name: string;
  lat: number;
  lng: number;
  /** Shown under the name in the tooltip (e.g. the organisation kind). */
  detail?: string;
  /** The point's region; a national map draws the outlines of the cities its points are in. */
  regionCode?: string;
  color?: string;
  /** Bigger points stand out (the selected lead, teams). */
  radius?: number;
  /** A coloured ring instead of the white one (a lead past its dispatch deadline). */
  ring?: string;
}

export interface RegionMapProps {
  regionCode: string;
  points?: MapPoint[];
  height?: number | string;
  /** Clicking a point selects it (the command centre opens that lead). */
  onSelect?: (id: string) => void;
  /** Clicking anywhere on the map picks that position (a form's location field). */
  onPick?: (position: LatLng) => void;
  /** The picked position, drawn as a pin above the points. */
  pin?: LatLng | null;
  /** Frame this place (about a kilometre around it) instead of the region, e.g. the edited record's. */
  focusPoint?: LatLng | null;
  /** Frame the points rather than the whole region once there are any (where the work is). */
  fitPoints?: boolean;
}

export interface LatLng {
  lat: number;
  lng: number;
}

const CHINA: L.LatLngBoundsExpression = [
  [18, 73],
  [53.5, 135],
];
/** Above this many counties, permanent labels turn into clutter; names stay on hover. */
const MAX_LABELS = 40;

const PIN_PANE = 'wl-pin';
/** How far around a focus point the map frames, in metres. */
const FOCUS_SPAN_M = 1_200;

export default function RegionMap({
  regionCode,
  points = [],
  height = 360,
  onSelect,
  onPick,
  pin,
  focusPoint,
  fitPoints = false,
}: RegionMapProps) {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<L.Map | null>(null);
  const config = useAppConfig();
  // Parents rebuild the points array each render; compare by content so layers are not redrawn.
  const pointsKey = points
    .map((p) => `${p.id}:${p.lat},${p.lng}:${p.color}:${p.radius}:${p.detail}`)
    .join('|');
  // The latest handler, so a new closure from the parent does not redraw every layer.
  const selectRef = useRef(onSelect);
  selectRef.current = onSelect;
  const pickRef = useRef(onPick);
  pickRef.current = onPick;
  const picking = Boolean(onPick);
  // biome-ignore lint/correctness/useExhaustiveDependencies: pointsKey stands for points' content
  const stablePoints = useMemo(() => points, [pointsKey]);
  const contextRegions = useMemo(
    () => [...new Set(stablePoints.flatMap((p) => (p.regionCode ? [p.regionCode] : [])))].sort(),
    [stablePoints],
  );
  const boundaries = useQuery({
    queryKey: ['boundaries', regionCode, contextRegions],
    queryFn: () => loadBoundaries(regionCode, contextRegions),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const focus = focusCountyOf(regionCode);
  // Read once per key: a parent passing a fresh object each render must not reframe the map.
  const focusKey = focusPoint ? `${focusPoint.lat},${focusPoint.lng}` : '';
  // biome-ignore lint/correctness/useExhaustiveDependencies: focusKey stands for focusPoint's content
  const focusAt = useMemo(() => focusPoint ?? null, [focusKey]);
  /** What the map frames; kept so a resize can frame it again. */
  const frameRef = useRef<{ bounds: L.LatLngBounds; padding: L.PointExpression } | null>(null);
  const framedFor = useRef('');

  useEffect(() => {
    if (!container.current) return;
    const map = L.map(container.current, { zoomSnap: 0.25, attributionControl: true });
    map.attributionControl.setPrefix(false);
    map.fitBounds(CHINA, { animate: false });
    // The picked pin sits above every point (markers are 600), whatever is redrawn later.
    map.createPane(PIN_PANE).style.zIndex = '650';
    // Clicks on outlines and points bubble here too, so a pick works anywhere on the map.
    map.on('click', (e: L.LeafletMouseEvent) =>
      pickRef.current?.({ lat: round6(e.latlng.lat), lng: round6(e.latlng.lng) }),
    );
    mapRef.current = map;
    // The card may resize after mount (sider collapse, responsive columns): frame it again.
    const observer = new ResizeObserver(() => {
      map.invalidateSize({ animate: false });
      const frame = frameRef.current;
      if (frame) map.fitBounds(frame.bounds, { padding: frame.padding, maxZoom: 13, animate: false });
    });
    observer.observe(container.current);
    return () => {
      observer.disconnect();
      // Stop pending pans/zooms first, or their callbacks fire on a removed map (_leaflet_pos).
      map.stop();
      map.remove();
      mapRef.current = null;
    };
  }, []);

  const tileUrl = config.data?.mapTileUrl ?? '';
  const attribution = config.data?.mapAttribution ?? '';
  useEffect(() => {
    const map = mapRef.current;
    // No tile source configured: outlines and points on a plain background still orient people.
    if (!map || !tileUrl) return;
    const layer = L.tileLayer(tileUrl, { attribution, maxZoom: 18 }).addTo(map);
    return () => {
      layer.remove();
    };
  }, [tileUrl, attribution]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    const outlines = boundaries.data ?? [];
    const featureCount = outlines.reduce((n, c) => n + c.features.length, 0);
    const outlineLayer = L.geoJSON(undefined, {
      style: (feature) => {
        const own = focus !== null && feature?.properties?.code === focus;
        return own
          ? { color: '#1d5fa8', weight: 2.5, fillColor: '#1d5fa8', fillOpacity: 0.18 }
          : { color: '#6b8fb8', weight: 1, fillColor: '#9fbfe0', fillOpacity: focus ? 0.05 : 0.12 };
      },
      onEachFeature: (feature, layer) => {
        const name = String(feature.properties?.name ?? '');
        const own = focus !== null && feature.properties?.code === focus;
        layer.bindTooltip(name, {
          permanent: featureCount <= MAX_LABELS,
          direction: 'center',
          className: own ? 'wl-map-label wl-map-label-own' : 'wl-map-label',
        });
      },
    });
    for (const collection of outlines) outlineLayer.addData(collection);
    outlineLayer.addTo(map);

    const pointLayer = L.featureGroup();
    for (const p of stablePoints) {
      L.circleMarker([p.lat, p.lng], {
        radius: p.radius ?? 7,
        color: p.ring ?? '#fff',
        weight: p.ring ? 4 : 2,
        fillColor: p.color ?? '#e8792b',
        fillOpacity: 0.95,
      })
        .bindTooltip(
          p.detail ? `<b>${escapeHtml(p.name)}</b><br/>${escapeHtml(p.detail)}` : escapeHtml(p.name),
        )
        .on('click', () => selectRef.current?.(p.id))
        .addTo(pointLayer);
    }
    pointLayer.addTo(map);

    // Frame the user's own county (with its neighbours for context), else the whole city,
    // else the points, else the country. A focus point (the record being edited) wins over all
    // of these, and with `fitPoints` the points do.
    const own = focus ? findLayer(outlineLayer, focus) : null;
    const pointBounds = fitPoints && stablePoints.length > 0 ? pointLayer.getBounds() : null;
    const bounds = focusAt
      ? L.latLng(focusAt.lat, focusAt.lng).toBounds(FOCUS_SPAN_M)
      : (pointBounds ??
        own?.getBounds() ??
        (featureCount ? outlineLayer.getBounds() : pointLayer.getBounds()));
    const padding: L.PointExpression = focusAt
      ? [12, 12]
      : pointBounds
        ? [32, 32]
        : own
          ? [48, 48]
          : [12, 12];
    frameRef.current = bounds.isValid() ? { bounds, padding } : null;
    // Frame once per set of outlines (with `fitPoints`, per set of points): a live update that
    // recolours a point must not undo the user's zoom, a filter or a new point reframes.
    const pointIds = pointBounds ? stablePoints.map((p) => p.id).sort() : [];
    const frameKey = [
      focus,
      featureCount,
      featureCount ? '' : stablePoints.length > 0,
      focusKey,
      ...pointIds,
    ].join('|');
    if (framedFor.current !== frameKey) {
      framedFor.current = frameKey;
      if (bounds.isValid()) map.fitBounds(bounds, { padding, maxZoom: 13, animate: false });
      else map.fitBounds(CHINA, { animate: false });
    }
    return () => {
      outlineLayer.remove();
      pointLayer.remove();
    };
  }, [boundaries.data, focus, stablePoints, focusAt, focusKey, fitPoints]);

  const pinLat = pin?.lat;
  const pinLng = pin?.lng;
  useEffect(() => {
    const map = mapRef.current;
    if (!map || pinLat === undefined || pinLng === undefined) return;
    // Drawn on its own, so moving the pin does not redraw the outlines.
    const marker = L.circleMarker([pinLat, pinLng], {
      pane: PIN_PANE,
      radius: 9,
      color: '#fff',
      weight: 3,
      fillColor: '#0f2f52',
      fillOpacity: 1,
      interactive: false,
    }).addTo(map);
    return () => {
      marker.remove();
    };
  }, [pinLat, pinLng]);

  const outlineCount = boundaries.data?.reduce((n, c) => n + c.features.length, 0) ?? 0;
  return (
    <div
      ref={container}
      className="wl-region-map"
      data-testid="region-map"
      data-outlines={outlineCount}
      data-points={stablePoints.length}
      data-tiles={tileUrl ? 'on' : 'off'}
      data-focus={focus ?? ''}
      data-pin={pin ? `${pin.lat},${pin.lng}` : ''}
      style={{ height, ...(picking ? { cursor: 'crosshair' } : {}) }}
    />
  );
}

function findLayer(group: L.GeoJSON, code: string): L.Polygon | null {
  let found: L.Polygon | null = null;
  group.eachLayer((layer) => {
    const feature = (layer as L.Polygon).feature as GeoJSON.Feature | undefined;
    if (feature?.properties?.code === code) found = layer as L.Polygon;
  });
  return found;
}

/** Six decimals: about ten centimetres, more than any phone's GPS can tell. */
function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
