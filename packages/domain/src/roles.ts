/**
 * Roles and what each may do. The server's policies and the web menu both read this,
 * so a role never sees a menu entry whose API would refuse it.
 */
export const roles = [
  'system_admin',
  'bureau_admin',
  'dispatcher',
  'hotline_operator',
  'patrol_member',
  'station_staff',
  'supplies_keeper',
  'shelter_keeper',
  'police_liaison',
  'supervisor',
] as const;
export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, { zh: string; en: string }> = {
  system_admin: { zh: '系统管理员', en: 'System admin' },
  bureau_admin: { zh: '民政局管理员', en: 'Bureau admin' },
  dispatcher: { zh: '指挥调度员', en: 'Command dispatcher' },
  hotline_operator: { zh: '热线接线员', en: 'Hotline operator' },
  patrol_member: { zh: '巡查队员', en: 'Patrol member' },
  station_staff: { zh: '救助站工作人员', en: 'Station staff' },
  supplies_keeper: { zh: '物资管理员', en: 'Supplies keeper' },
  shelter_keeper: { zh: '场所管理员', en: 'Shelter keeper' },
  police_liaison: { zh: '公安联络员', en: 'Police liaison' },
  supervisor: { zh: '督导（只读）', en: 'Supervisor (read-only)' },
};

/** Acts a role may perform. Later capabilities add their own. */
export const permissions = [
  'region.read',
  'org.read',
  'org.manage',
  'user.read',
  'user.manage',
  'event.read',
  'lead.read',
  'lead.create',
  'lead.manage',
  'team.read',
  'team.manage',
  'dispatch.manage',
  'dispatch.work',
  'sentinel.read',
  'sentinel.manage',
  'hotspot.read',
  'hotspot.manage',
  'encounter.read',
  'person.manage',
  'stay.read',
  'stay.manage',
  'stay.approve',
  'supply.read',
  'supply.manage',
  'supply.distribute',
  'supply.team_read',
  'shelter.read',
  'shelter.manage',
  'shelter.activate',
  'shelter.keep',
  // Campaign figures: reading them, and generating, submitting and reviewing returns (报送).
  'stats.read',
  'stats.report',
  // Weather warnings: everyone on staff sees them (the banner); duty officers enter and upload them.
  'weather.read',
  'weather.manage',
  // Emergency response (应急响应): seeing the level and its plan, confirming proposals and
  // editing the bureau's table, doing a plan's tasks (the service checks the task's owner role).
  'response.read',
  'response.manage',
  'response.work',
  // The 24-hour duty roster (值班) and handover notes.
  'duty.read',
  'duty.manage',
] as const;
export type Permission = (typeof permissions)[number];

/**
 * Administrators hold every permission within their jurisdiction; a system admin's is the
 * whole country, a bureau admin's their region (they still cannot mint system admins).
 */
const grants: Record<Role, readonly Permission[]> = {
  system_admin: permissions,
  bureau_admin: permissions,
  dispatcher: [
    'weather.read',
    'response.read',
    'response.work',
    'duty.read',
    'weather.manage',
    'region.read',
    'org.read',
    'lead.read',
    'lead.create',
    'lead.manage',
    'team.read',
    'team.manage',
    'dispatch.manage',
    'sentinel.read',
    'hotspot.read',
    'hotspot.manage',
    'encounter.read',
    'person.manage',
    'stay.read',
    'supply.read',
    'supply.team_read',
    // The command centre opens standby places when a cold spell comes (一键启用) and closes them.
    'shelter.read',
    'shelter.activate',
    'stats.read',
  ],
  // Callers are told where the nearest open place is; patrols take people there.
  hotline_operator: [
    'weather.read',
    'response.read',
    'duty.read',
    'region.read',
    'org.read',
    'lead.read',
    'lead.create',
    'team.read',
    'shelter.read',
  ],
  // A patrol member reads the stock on their own team's vehicle only (the service checks the team).
  patrol_member: [
    'weather.read',
    'response.read',
    'region.read',
    'dispatch.work',
    'hotspot.read',
    'supply.team_read',
    'shelter.read',
  ],
  // Station staff hand out from their own station's store and count the people at their own
  // station's place (the services check the station).
  station_staff: [
    'weather.read',
    'response.read',
    'response.work',
    'duty.read',
    'duty.manage',
    'region.read',
    'org.read',
    'encounter.read',
    'person.manage',
    'stay.read',
    'stay.manage',
    'supply.read',
    'supply.distribute',
    'supply.team_read',
    'shelter.read',
    'shelter.keep',
  ],
  supplies_keeper: [
    'weather.read',
    'response.read',
    'response.work',
    'duty.read',
    'region.read',
    'org.read',
    'supply.read',
    'supply.manage',
    'supply.distribute',
    'supply.team_read',
    'shelter.read',
  ],
  /**
   * Whoever keeps a place at a community centre, civic centre or lottery outlet: counts the
   * people at the places they are named keeper of, and nothing else (no persons, no leads).
   */
  // A keeper opens, closes or stands down the places they keep (the service checks which).
  shelter_keeper: [
    'weather.read',
    'response.read',
    'response.work',
    'region.read',
    'shelter.keep',
    'shelter.activate',
  ],
  police_liaison: [
    'weather.read',
    'response.read',
    'duty.read',
    'region.read',
    'org.read',
    'lead.read',
    'team.read',
    'hotspot.read',
    'shelter.read',
  ],
  supervisor: [
    'weather.read',
    'response.read',
    'duty.read',
    'region.read',
    'org.read',
    'user.read',
    'event.read',
    'lead.read',
    'team.read',
    'sentinel.read',
    'hotspot.read',
    'encounter.read',
    'stay.read',
    'supply.read',
    'supply.team_read',
    'shelter.read',
    'stats.read',
  ],
};

export function can(role: Role, permission: Permission): boolean {
  return grants[role].includes(permission);
}

export function permissionsOf(role: Role): Permission[] {
  return [...grants[role]];
}

/**
 * Roles a user may hand out. Nobody creates a role above their own, so a bureau admin
 * cannot mint a system admin.
 */
export function assignableRoles(role: Role): Role[] {
  if (role === 'system_admin') return [...roles];
  if (role === 'bureau_admin') return roles.filter((r) => r !== 'system_admin');
  return [];
}

/** Admin roles must use a second factor once they have enrolled one. */
export function isAdminRole(role: Role): boolean {
  return role === 'system_admin' || role === 'bureau_admin';
}
