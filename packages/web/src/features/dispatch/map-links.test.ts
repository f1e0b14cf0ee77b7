import { describe, expect, it } from 'vitest';
import { mapLinks } from './map-links.ts';

describe('map links', () => {
  it('converts WGS-84 to GCJ-02 for Amap and BD-09 for Baidu', () => {
    // 韶关站: GCJ-02 sits ~0.0054° east / ~-0.0027° north of WGS-84 here; BD-09 further still.
    const links = mapLinks(24.8131, 113.6047, '韶关站站前广场');
    const amap = new URL(links.amap);
    const [gLng, gLat] = amap.searchParams.get('position')!.split(',').map(Number) as [number, number];
    expect(gLng - 113.6047).toBeGreaterThan(0.004);
    expect(gLng - 113.6047).toBeLessThan(0.007);
    expect(Math.abs(gLat - 24.8131)).toBeLessThan(0.005);
    expect(amap.searchParams.get('name')).toBe('韶关站站前广场');
    const baidu = new URL(links.baidu);
    const [bLat, bLng] = baidu.searchParams.get('location')!.split(',').map(Number) as [number, number];
    expect(bLng - gLng).toBeGreaterThan(0.005);
    expect(bLat - gLat).toBeGreaterThan(0.004);
    expect(baidu.searchParams.get('coord_type')).toBe('bd09ll');
  });
});
