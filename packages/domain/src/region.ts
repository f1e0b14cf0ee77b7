/**
 * GB/T 2260 region codes. County and above are 6 digits (440204); townships are the
 * 9-digit statistical codes (440204001). A region's subtree is every code that starts
 * with its significant prefix, which is what makes jurisdiction a cheap `LIKE 'p%'`.
 */
export const NATIONAL_REGION_CODE = '000000';

export const regionLevels = ['national', 'province', 'city', 'county', 'township'] as const;
export type RegionLevel = (typeof regionLevels)[number];

export const regionLevelLabels: Record<RegionLevel, { zh: string; en: string }> = {
  national: { zh: '全国', en: 'National' },
  province: { zh: '省级', en: 'Province' },
  city: { zh: '市级', en: 'City' },
  county: { zh: '县级', en: 'County' },
  township: { zh: '乡镇/街道', en: 'Township' },
};

const codePattern = /^(\d{6}|\d{9})$/;

export function isRegionCode(code: string): boolean {
  return codePattern.test(code);
}

export function regionLevel(code: string): RegionLevel {
  if (!isRegionCode(code)) throw new RangeError(`not a GB/T 2260 code: ${code}`);
  if (code.length === 9) return 'township';
  if (code === NATIONAL_REGION_CODE) return 'national';
  if (code.endsWith('0000')) return 'province';
  if (code.endsWith('00')) return 'city';
  return 'county';
}

/** The prefix every code in this region's subtree starts with ('' for national). */
export function regionPrefix(code: string): string {
  switch (regionLevel(code)) {
    case 'national':
      return '';
    case 'province':
      return code.slice(0, 2);
    case 'city':
      return code.slice(0, 4);
    default:
      return code;
  }
}

/** True when `code` lies in the subtree rooted at `root` (a region contains itself). */
export function isWithinRegion(code: string, root: string): boolean {
  return code.startsWith(regionPrefix(root));
}

/** The parent region's code, or null for national. */
export function parentRegionCode(code: string): string | null {
  switch (regionLevel(code)) {
    case 'national':
      return null;
    case 'province':
      return NATIONAL_REGION_CODE;
    case 'city':
      return `${code.slice(0, 2)}0000`;
    case 'county':
      return `${code.slice(0, 4)}00`;
    default:
      return code.slice(0, 6);
  }
}
