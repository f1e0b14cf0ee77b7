import type { OrgKind } from '@warmline/domain';

/** One colour per organisation kind on maps and tags; stations get the warm accent. */
export const orgKindColors: Record<OrgKind, string> = {
  bureau: '#1d5fa8',
  station: '#e8792b',
  police: '#2f3f8f',
  urban_management: '#2a8c7a',
  health: '#c0392b',
  transport: '#7a5cc4',
  hospital: '#d14b6a',
  platform: '#4a6b8a',
  other: '#7d8a99',
};
