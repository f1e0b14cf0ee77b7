/**
 * "Open in a map app" links for the patrol phone. Stored positions are WGS-84; Amap wants
 * GCJ-02 and Baidu BD-09, so we convert here, at the map edge (gcoord), and nowhere else.
 */
import gcoord from 'gcoord';

export interface MapLinks {
  amap: string;
  baidu: string;
}

export function mapLinks(lat: number, lng: number, name: string): MapLinks {
  const [gLng, gLat] = gcoord.transform([lng, lat], gcoord.WGS84, gcoord.GCJ02);
  const [bLng, bLat] = gcoord.transform([lng, lat], gcoord.WGS84, gcoord.BD09);
  const fixed = (x: number) => x.toFixed(6);
  const label = encodeURIComponent(name);
  return {
    // Amap's URI API opens the app when installed (callnative=1), the web map otherwise.
    amap: `https://uri.amap.com/marker?position=${fixed(gLng)},${fixed(gLat)}&name=${label}&coordinate=gaode&callnative=1`,
    baidu: `https://api.map.baidu.com/marker?location=${fixed(bLat)},${fixed(bLng)}&title=${label}&content=${label}&coord_type=bd09ll&output=html&src=warmline`,
  };
}
