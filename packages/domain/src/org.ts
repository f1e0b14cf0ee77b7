/** Organisations a user belongs to; departments join the civil-affairs bureau on patrols. */
export const orgKinds = [
  'bureau',
  'station',
  'police',
  'urban_management',
  'health',
  'transport',
  'hospital',
  'platform',
  'other',
] as const;
export type OrgKind = (typeof orgKinds)[number];

export const orgKindLabels: Record<OrgKind, { zh: string; en: string }> = {
  bureau: { zh: '民政局', en: 'Civil-affairs bureau' },
  station: { zh: '救助管理站', en: 'Rescue station' },
  police: { zh: '公安', en: 'Police' },
  urban_management: { zh: '城管', en: 'Urban management' },
  health: { zh: '卫健', en: 'Health' },
  transport: { zh: '交通', en: 'Transport' },
  hospital: { zh: '定点医院', en: 'Designated hospital' },
  platform: { zh: '合作平台', en: 'Partner platform' },
  other: { zh: '其他', en: 'Other' },
};
