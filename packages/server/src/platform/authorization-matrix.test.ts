import { randomUUID } from 'node:crypto';
import { can, type Permission, type Role, roles } from '@warmline/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  campaign,
  dutyAssignment,
  dutyHandover,
  emergencyResponse,
  encounter,
  hotspot,
  person,
  responseProposal,
  responseTask,
  shelterKeeper,
  shift,
  stay,
  submission,
  supplyDiscrepancy,
  supplyMovement,
} from '../db/schema.ts';
import { buildLead, buildOrg, buildSentinel, buildUser } from '../testing/builders.ts';
import { buildShelter } from '../testing/shelter-builders.ts';
import { buildSupplyItem, buildSupplyPlace } from '../testing/supply-builders.ts';
import { buildAlert, buildDispatch, buildTeam } from '../testing/team-builders.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import type { Access } from './http.ts';
import { uuidV7Ids } from './ids.ts';

/**
 * Walks Fastify's route table. Every /api route must appear in `policy` with the access
 * it declares; each role is then tried in and out of its jurisdiction. A new route
 * without a policy entry fails here.
 */
/**
 * `refused`: the domain error a permitted caller gets from this sample (else a 2xx);
 * `refusedFor`: the same for one role, where the service narrows what the permission allows.
 */
type Sample = {
  body?: (side: 'in' | 'out') => unknown;
  query?: string;
  refused?: string;
  refusedFor?: Partial<Record<Role, string>>;
};
const policy: Record<string, { access: Access } & Sample> = {
  'GET /api/health': { access: 'public' },
  'GET /api/config': { access: 'public' },
  'GET /api/openapi.json': { access: 'public' },
  'POST /api/auth/login': {
    access: 'public',
    body: () => ({ username: 'nobody', password: 'wrong' }),
    refused: 'INVALID_CREDENTIALS',
  },
  'GET /api/auth/me': { access: 'authenticated' },
  'POST /api/auth/logout': { access: 'authenticated' },
  'POST /api/auth/password': {
    access: 'authenticated',
    body: () => ({ currentPassword: 'wrong', newPassword: 'another-long-pw' }),
    refused: 'WRONG_PASSWORD',
  },
  'POST /api/auth/totp/setup': { access: 'authenticated' },
  'POST /api/auth/totp/enable': {
    access: 'authenticated',
    body: () => ({ code: '123456' }),
    refused: 'TOTP_INVALID',
  },
  'GET /api/regions': { access: 'region.read', query: '?q=浈江' },
  'GET /api/regions/:code': { access: 'region.read' },
  'GET /api/regions/:code/children': { access: 'region.read' },
  'GET /api/orgs': { access: 'org.read' },
  'POST /api/orgs': {
    access: 'org.manage',
    body: () => ({ name: `新机构${Math.random()}`, kind: 'health', regionCode: '440204' }),
  },
  'GET /api/orgs/:id': { access: 'org.read' },
  'PATCH /api/orgs/:id': { access: 'org.manage', body: () => ({ lat: 24.8 }) },
  'GET /api/users': { access: 'user.read' },
  'POST /api/users': {
    access: 'user.manage',
    body: () => ({
      username: `u${Math.random().toString(36).slice(2, 10)}`,
      displayName: '新队员',
      role: 'patrol_member',
      regionCode: '440204',
      password: 'long-enough-pw',
    }),
  },
  'GET /api/users/:id': { access: 'user.read' },
  'PATCH /api/users/:id': { access: 'user.manage', body: () => ({ displayName: '改名' }) },
  'POST /api/users/:id/password': { access: 'user.manage', body: () => ({ password: 'reset-long-pw' }) },
  'POST /api/users/:id/unlock': { access: 'user.manage' },
  'POST /api/users/:id/totp/reset': { access: 'user.manage' },
  'GET /api/users/:id/phone': { access: 'user.manage' },
  'GET /api/events': { access: 'event.read', query: '?pageSize=5' },
  'GET /api/live': { access: 'authenticated' },
  'GET /api/leads': { access: 'lead.read', query: '?open=true' },
  'POST /api/leads': {
    access: 'lead.create',
    body: () => ({ descriptors: ['elderly'], address: '韶关东站出站口', regionCode: '440204' }),
  },
  'GET /api/leads/screening': { access: 'lead.read', query: '?from=2026-10-15' },
  'GET /api/leads/:id': { access: 'lead.read' },
  'POST /api/leads/:id/actions': {
    access: 'lead.manage',
    body: () => ({ action: 'triage' }),
    refused: 'INVALID_TRANSITION',
  },
  'GET /api/leads/:id/reporter-phone': { access: 'lead.manage' },
  'GET /api/leads/:id/recommendations': { access: 'dispatch.manage' },
  // The sample team is off duty: a permitted dispatcher gets past access and is refused on state.
  'POST /api/leads/:id/dispatch': {
    access: 'dispatch.manage',
    body: () => ({ teamId: targets.in.teamId }),
    refused: 'TEAM_NOT_AVAILABLE',
  },
  'GET /api/leads/:id/dispatches': { access: 'lead.read' },
  'GET /api/leads/:id/timeline': { access: 'lead.read' },
  'GET /api/dispatches': { access: 'lead.read' },
  'POST /api/dispatches/:id/cancel': { access: 'dispatch.manage', refused: 'DISPATCH_NOT_ACTIVE' },
  'GET /api/alerts': { access: 'lead.read' },
  'POST /api/alerts/:id/acknowledge': { access: 'dispatch.manage' },
  'GET /api/teams': { access: 'team.read' },
  'POST /api/teams': {
    access: 'team.manage',
    body: () => ({
      name: `新救助队${Math.random()}`,
      regionCode: '440204',
      members: [{ displayName: '队员', department: 'civil_affairs' }],
    }),
  },
  'GET /api/teams/:id': { access: 'team.read' },
  'PUT /api/teams/:id': {
    access: 'team.manage',
    // Each side keeps its team in its own county, or a system admin's edit would move it.
    body: (side) => ({
      name: `矩阵测试队${Math.random()}`,
      regionCode: targets[side].code,
      members: [{ displayName: '队员', department: 'police' }],
    }),
  },
  'POST /api/teams/:id/status': { access: 'team.manage', body: () => ({ status: 'off_duty' }) },
  'GET /api/hotspots': { access: 'hotspot.read' },
  'POST /api/hotspots': { access: 'hotspot.manage', body: (side) => hotspotBody(targets[side].code) },
  'GET /api/hotspots/:id': { access: 'hotspot.read' },
  'PUT /api/hotspots/:id': { access: 'hotspot.manage', body: (side) => hotspotBody(targets[side].code) },
  // A member on no team still checks in (the team is recorded when there is one).
  'POST /api/patrol/checkins': {
    access: 'dispatch.work',
    body: (side) => ({ clientId: randomUUID(), hotspotId: targets[side].hotspotId, lat: 24.8, lng: 113.6 }),
  },
  'GET /api/encounters': { access: 'encounter.read' },
  'GET /api/encounters/:id': { access: 'encounter.read' },
  'GET /api/stays': { access: 'stay.read', query: '?view=long' },
  // A walk-in at the side's station.
  'POST /api/stays': {
    access: 'stay.manage',
    body: (side) => ({ orgId: targets[side].stationId, arrivalKind: 'walk_in' }),
  },
  'GET /api/stays/:id': { access: 'stay.read' },
  'GET /api/stays/:id/forms/:form': { access: 'stay.read' },
  'POST /api/stays/:id/admit': {
    access: 'stay.manage',
    body: () => ({ sex: 'male', age: 40, reasonForHelp: '矩阵' }),
    refused: 'STAY_STATE',
  },
  'POST /api/stays/:id/bed': {
    access: 'stay.manage',
    body: () => ({ bedId: randomUUID() }),
    refused: 'STAY_STATE',
  },
  'POST /api/stays/:id/care': {
    access: 'stay.manage',
    body: () => ({ kind: 'meal' }),
    refused: 'STAY_STATE',
  },
  'POST /api/stays/:id/extensions': {
    access: 'stay.approve',
    body: () => ({ days: 3, reason: '矩阵' }),
    refused: 'STAY_STATE',
  },
  'POST /api/stays/:id/discharge': {
    access: 'stay.manage',
    body: () => ({ type: 'placement', details: { note: '矩阵' } }),
    refused: 'STAY_STATE',
  },
  'GET /api/stations': { access: 'stay.read' },
  'GET /api/stations/beds': { access: 'stay.read' },
  'PUT /api/stations/:id/zones': {
    access: 'stay.approve',
    body: () => ({ zones: [{ kind: 'men', name: '男宿区', capacity: 2, prefix: '男' }] }),
  },
  // The sample encounter has no photos and was recorded by nobody signed in here.
  'GET /api/encounters/:id/photos': { access: 'encounter.read' },
  'GET /api/encounters/:id/photos/:photoId': { access: 'encounter.read', refused: 'NOT_FOUND' },
  'POST /api/patrol/encounters/:clientId/photos': {
    access: 'dispatch.work',
    body: () => ({ clientId: randomUUID() }),
    refused: 'NOT_FOUND',
  },
  'GET /api/handovers': { access: 'encounter.read', query: '?state=pending' },
  // Recorded in the side's county: out of jurisdiction it is refused.
  'POST /api/patrol/encounters': {
    access: 'dispatch.work',
    body: (side) => ({ clientId: randomUUID(), lat: 24.8, lng: 113.6, regionCode: targets[side].code }),
  },
  'GET /api/patrol/follow-ups': { access: 'dispatch.work' },
  'GET /api/patrol/destinations': { access: 'dispatch.work' },
  'GET /api/shifts': { access: 'team.read' },
  // The matrix sends no content type; the CAP routes take XML bodies only (weather tests cover them).
  'POST /api/weather/cap': {
    access: 'weather.manage',
    body: () => '<alert/>',
    refused: 'UNSUPPORTED_MEDIA_TYPE',
  },
  'GET /api/weather/warnings': { access: 'weather.read' },
  'GET /api/weather/warnings/:id': { access: 'weather.read', refused: 'NOT_FOUND' },
  'POST /api/weather/warnings': {
    access: 'weather.manage',
    body: (side) => ({
      kind: 'cold_wave',
      colour: 'yellow',
      regionCodes: [side === 'in' ? '440204' : '440203'],
    }),
  },
  'GET /api/weather/forecasts': { access: 'weather.read' },
  'PUT /api/weather/forecasts': {
    access: 'weather.manage',
    body: (side) => ({ regionCode: side === 'in' ? '440204' : '440203', night: '2026-12-15', minC: -1 }),
  },
  'POST /api/partner/weather/cap': {
    access: 'public',
    body: () => '<alert/>',
    refused: 'UNSUPPORTED_MEDIA_TYPE',
  },
  'GET /api/response/status': { access: 'response.read' },
  'GET /api/response/proposals': { access: 'response.read' },
  // The sample proposals are decided already and the sample task done: refused, not changed.
  'POST /api/response/proposals/:id/confirm': { access: 'response.manage', refused: 'PROPOSAL_DECIDED' },
  'POST /api/response/proposals/:id/dismiss': { access: 'response.manage', refused: 'PROPOSAL_DECIDED' },
  'GET /api/response/responses': { access: 'response.read' },
  'GET /api/response/responses/:id': { access: 'response.read' },
  'GET /api/response/responses/:id/report': { access: 'response.read' },
  'POST /api/response/tasks/:id/done': { access: 'response.work', refused: 'TASK_NOT_OPEN' },
  'GET /api/response/table': { access: 'response.read' },
  'PUT /api/response/table': {
    access: 'response.manage',
    body: (side) => ({
      regionCode: side === 'in' ? '440204' : '440203',
      autoActivate: false,
      rules: [{ level: 'IV', when: [{ kind: 'cold_wave', atLeast: 'yellow' }] }],
    }),
  },
  'GET /api/public/alert': { access: 'public' },
  'GET /api/stats/figures': { access: 'stats.read', query: '?from=2026-11-01&to=2026-11-30' },
  'GET /api/stats/children': { access: 'stats.read', query: '?from=2026-11-01&to=2026-11-30' },
  'GET /api/stats/trend': { access: 'stats.read', query: '?from=2026-11-01&to=2026-11-30' },
  'GET /api/stats/records': { access: 'stats.read', query: '?from=2026-11-01&to=2026-11-30&figure=assisted' },
  'GET /api/reports/campaigns': { access: 'stats.read' },
  'POST /api/reports/campaigns': {
    access: 'stats.report',
    body: () => ({
      name: '矩阵专项行动',
      regionCode: '440204',
      startsOn: '2026-10-15',
      endsOn: '2027-03-15',
    }),
  },
  'GET /api/reports/campaigns/:id': { access: 'stats.read' },
  // Each call a day later than the last, so every permitted extension is a real one.
  'POST /api/reports/campaigns/:id/extend': { access: 'stats.report', body: () => ({ endsOn: laterEnd() }) },
  'GET /api/reports/campaigns/:id/returns': { access: 'stats.read' },
  // A return is filled in by its own region's bureau: the system admin (national) files none.
  'POST /api/reports/campaigns/:id/submissions': {
    access: 'stats.report',
    body: (side) => ({ regionCode: targets[side].code, period: '2026-10' }),
    refusedFor: { system_admin: 'SUBMISSION_NOT_OWN_REGION' },
  },
  // The sample returns are approved: past access and jurisdiction, a filer meets the frozen state
  // and a reviewer (sitting in the county itself) is not the parent region.
  'GET /api/reports/submissions/:id': { access: 'stats.read' },
  'PATCH /api/reports/submissions/:id': {
    access: 'stats.report',
    body: () => ({ remarks: '矩阵' }),
    refused: 'SUBMISSION_NOT_EDITABLE',
    refusedFor: { system_admin: 'SUBMISSION_NOT_OWN_REGION' },
  },
  'POST /api/reports/submissions/:id/regenerate': {
    access: 'stats.report',
    refused: 'SUBMISSION_NOT_EDITABLE',
    refusedFor: { system_admin: 'SUBMISSION_NOT_OWN_REGION' },
  },
  'POST /api/reports/submissions/:id/submit': {
    access: 'stats.report',
    refused: 'SUBMISSION_NOT_EDITABLE',
    refusedFor: { system_admin: 'SUBMISSION_NOT_OWN_REGION' },
  },
  'POST /api/reports/submissions/:id/approve': { access: 'stats.report', refused: 'REVIEW_NOT_PARENT' },
  'POST /api/reports/submissions/:id/return': {
    access: 'stats.report',
    body: () => ({ comment: '矩阵退回' }),
    refused: 'REVIEW_NOT_PARENT',
  },
  'GET /api/reports/submissions/:id/export.xlsx': { access: 'stats.read' },
  'GET /api/reports/submissions/:id/brief.pdf': { access: 'stats.read' },
  'GET /api/shifts/:id/track': { access: 'team.read' },
  'GET /api/patrol/shifts/current': { access: 'dispatch.work', refused: 'NOT_TEAM_MEMBER' },
  'POST /api/patrol/shifts': { access: 'dispatch.work', body: () => ({}), refused: 'NOT_TEAM_MEMBER' },
  'POST /api/patrol/shifts/current/end': { access: 'dispatch.work', refused: 'NOT_TEAM_MEMBER' },
  'GET /api/persons': { access: 'encounter.read', query: '?q=LS' },
  'GET /api/persons/:id': { access: 'encounter.read' },
  // Into itself: a permitted caller gets past access and jurisdiction and is refused on the rule.
  'POST /api/persons/:id/merge': {
    access: 'person.manage',
    body: (side) => ({ intoId: targets[side].personId }),
    refused: 'PERSON_MERGE_INVALID',
  },
  'POST /api/persons/:id/unmerge': { access: 'person.manage', refused: 'PERSON_NOT_MERGED' },
  // Sample users are on no team: a permitted caller is refused as not a member.
  'GET /api/patrol/dispatches': { access: 'dispatch.work' },
  'GET /api/patrol/team': { access: 'dispatch.work', refused: 'NOT_TEAM_MEMBER' },
  'POST /api/patrol/team/status': {
    access: 'dispatch.work',
    body: () => ({ status: 'available' }),
    refused: 'NOT_TEAM_MEMBER',
  },
  'POST /api/patrol/team/position': {
    access: 'dispatch.work',
    body: () => ({ lat: 24.8, lng: 113.6 }),
    refused: 'NOT_TEAM_MEMBER',
  },
  'POST /api/patrol/dispatches/:id/accept': { access: 'dispatch.work', refused: 'NOT_TEAM_MEMBER' },
  'POST /api/patrol/dispatches/:id/decline': { access: 'dispatch.work', refused: 'NOT_TEAM_MEMBER' },
  'POST /api/patrol/dispatches/:id/arrive': { access: 'dispatch.work', refused: 'NOT_TEAM_MEMBER' },
  'POST /api/patrol/dispatches/:id/complete': {
    access: 'dispatch.work',
    body: () => ({ outcome: 'helped' }),
    refused: 'NOT_TEAM_MEMBER',
  },
  'GET /api/leads/:id/photos': { access: 'lead.read' },
  // The sample lead has no photos: a permitted caller gets past access and finds none.
  'GET /api/leads/:id/photos/:photoId': { access: 'lead.read', refused: 'NOT_FOUND' },
  'POST /api/public/leads': {
    access: 'public',
    body: () => ({ descriptors: ['minor'], address: '韶关站广场' }),
  },
  'GET /api/public/leads/:trackingCode': { access: 'public' },
  'POST /api/partner/leads': {
    access: 'partner',
    body: () => ({ descriptors: ['group'], address: '武江桥下' }),
  },
  'GET /api/sentinels': { access: 'sentinel.read', query: '?state=pending' },
  // Targets are approved already: a permitted `approve` is refused as INVALID_TRANSITION.
  'POST /api/sentinels/:id/actions': {
    access: 'sentinel.manage',
    body: () => ({ action: 'approve' }),
    refused: 'INVALID_TRANSITION',
  },
  'GET /api/sentinels/:id/phone': { access: 'sentinel.manage' },
  'POST /api/public/sentinels': {
    access: 'public',
    body: () => ({
      displayName: '新哨点',
      phone: `137${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`,
      orgType: 'courier',
      regionCode: '440204',
    }),
  },
  'GET /api/public/sentinels/regions': { access: 'public' },
  'GET /api/sentinel/me': { access: 'sentinel' },
  'POST /api/sentinel/leads': {
    access: 'sentinel',
    body: () => ({ descriptors: ['elderly'], address: '韶关站广场' }),
  },
  'GET /api/sentinel/leads': { access: 'sentinel' },
  'GET /api/supplies/items': { access: 'supply.read' },
  'POST /api/supplies/items': {
    access: 'supply.manage',
    body: () => ({ name: `矩阵物品${Math.random()}`, unit: 'piece', supplyKind: 'coat' }),
  },
  'GET /api/supplies/places': { access: 'supply.read', query: '?kind=warehouse' },
  'POST /api/supplies/places': {
    access: 'supply.manage',
    body: () => ({ name: `矩阵仓库${Math.random()}`, kind: 'warehouse', regionCode: '440204' }),
  },
  'GET /api/supplies/places/:id': { access: 'supply.read' },
  'GET /api/supplies/places/:id/movements': { access: 'supply.read' },
  'PUT /api/supplies/places/:id/thresholds': {
    access: 'supply.manage',
    body: () => ({ itemId: supplies.itemId, minQuantity: 5 }),
  },
  'GET /api/supplies/stock': { access: 'supply.read' },
  'GET /api/supplies/alerts': { access: 'supply.read' },
  // Resolved already: a permitted caller gets past access and jurisdiction and is refused on state.
  'POST /api/supplies/discrepancies/:id/resolve': {
    access: 'supply.manage',
    refused: 'DISCREPANCY_RESOLVED',
  },
  'GET /api/supplies/donations': { access: 'supply.read' },
  'GET /api/supplies/teams': { access: 'supply.read' },
  // A patrol member reads their own team's only; the sample one is on no team.
  'GET /api/supplies/teams/:teamId/stock': {
    access: 'supply.team_read',
    refusedFor: { patrol_member: 'NOT_FOUND' },
  },
  // The sample places hold nothing: a permitted caller is refused on stock.
  'POST /api/supplies/receipts': {
    access: 'supply.manage',
    body: () => ({ placeId: supplies.placeId, lines: [{ itemId: supplies.itemId, quantity: 1 }] }),
  },
  'POST /api/supplies/transfers': {
    access: 'supply.manage',
    body: () => ({
      fromPlaceId: supplies.emptyPlaceId,
      toPlaceId: supplies.placeId,
      lines: [{ itemId: supplies.itemId, quantity: 1 }],
    }),
    refused: 'STOCK_INSUFFICIENT',
  },
  'POST /api/supplies/issues': {
    access: 'supply.manage',
    body: () => ({
      fromPlaceId: supplies.emptyPlaceId,
      teamId: targets.in.teamId,
      lines: [{ itemId: supplies.itemId, quantity: 1 }],
    }),
    refused: 'STOCK_INSUFFICIENT',
  },
  // Station staff hand out from their own station's store only; the sample is a warehouse.
  'POST /api/supplies/distributions': {
    access: 'supply.distribute',
    body: () => ({ placeId: supplies.emptyPlaceId, lines: [{ itemId: supplies.itemId, quantity: 1 }] }),
    refused: 'STOCK_INSUFFICIENT',
    refusedFor: { station_staff: 'SUPPLY_PLACE_NOT_YOURS' },
  },
  'POST /api/supplies/adjustments': {
    access: 'supply.manage',
    body: () => ({
      placeId: supplies.emptyPlaceId,
      reason: 'stocktake',
      lines: [{ itemId: supplies.itemId, quantity: 0 }],
    }),
  },
  'POST /api/supplies/assemblies': {
    access: 'supply.manage',
    body: () => ({ placeId: supplies.emptyPlaceId, kitItemId: supplies.kitId, quantity: 1 }),
    refused: 'STOCK_INSUFFICIENT',
  },
  'POST /api/supplies/donations': {
    access: 'supply.manage',
    body: () => ({
      donorKind: 'charity',
      donorName: '韶关市慈善总会',
      receivedOn: '2026-12-15',
      placeId: supplies.placeId,
      lines: [{ itemId: supplies.itemId, quantity: 2 }],
    }),
  },
  'GET /api/supplies/import-template': { access: 'supply.manage' },
  // A JSON body is not a workbook.
  'POST /api/supplies/import': { access: 'supply.manage', body: () => ({}), refused: 'IMPORT_FILE_INVALID' },
  'GET /api/shelters': { access: 'shelter.read' },
  'POST /api/shelters': { access: 'shelter.manage', body: (side) => shelterBody(targets[side].code) },
  'GET /api/shelters/mine': { access: 'shelter.keep' },
  'GET /api/shelters/export.hsds.json': { access: 'shelter.read' },
  'GET /api/shelters/export.xlsx': { access: 'shelter.read' },
  'GET /api/shelters/:id': { access: 'shelter.read' },
  'PUT /api/shelters/:id': { access: 'shelter.manage', body: (side) => shelterBody(targets[side].code) },
  // Each status act meets a place it cannot move (open, closed, standby): past access and
  // jurisdiction, a permitted caller is refused on the status.
  'POST /api/shelters/:id/activate': {
    access: 'shelter.activate',
    body: () => ({ hours: { allDay: true } }),
    refused: 'SHELTER_INVALID_TRANSITION',
  },
  // A keeper is named keeper of the open place only: the closed and standby ones are not theirs.
  'POST /api/shelters/:id/close': {
    access: 'shelter.activate',
    refused: 'SHELTER_INVALID_TRANSITION',
    refusedFor: { shelter_keeper: 'NOT_SHELTER_KEEPER' },
  },
  'POST /api/shelters/:id/stand-down': {
    access: 'shelter.activate',
    refused: 'SHELTER_INVALID_TRANSITION',
    refusedFor: { shelter_keeper: 'NOT_SHELTER_KEEPER' },
  },
  // Every keeping actor is named keeper of both sides' open place.
  'POST /api/shelters/:id/occupancy': {
    access: 'shelter.keep',
    body: () => ({ clientId: randomUUID(), count: 1 }),
  },
  'GET /api/public/shelters': { access: 'public', query: '?lat=24.81&lng=113.6' },
  'GET /api/duty/roster': { access: 'duty.read' },
  'GET /api/duty/gaps': { access: 'duty.read' },
  'GET /api/duty/candidates': { access: 'duty.read' },
  // A station's staff manage their own station's roster only, never the bureau's.
  'POST /api/duty/assignments': {
    access: 'duty.manage',
    body: () => ({ regionCode: '440204', day: nextDutyDay(), slot: 'day', userId: targets.in.userId }),
    refusedFor: { station_staff: 'DUTY_NOT_OWN_STATION' },
  },
  // The target is a past day's assignment: a permitted caller is refused on the day.
  'DELETE /api/duty/assignments/:id': { access: 'duty.manage', refused: 'DUTY_DAY_PAST' },
  'GET /api/duty/handovers': { access: 'duty.read' },
  // Only those on the bureau's roster or managing it write its notes.
  'POST /api/duty/handovers': {
    access: 'duty.read',
    body: () => ({ regionCode: '440204', text: '夜班平稳，桥洞下两人已劝导入站。' }),
    refusedFor: Object.fromEntries(
      roles
        .filter((r) => r === 'station_staff' || !can(r, 'duty.manage'))
        .map((r) => [r, 'DUTY_NOT_ON_ROSTER']),
    ),
  },
  // The target note is acknowledged already.
  'POST /api/duty/handovers/:id/acknowledge': { access: 'duty.read', refused: 'DUTY_HANDOVER_ACKNOWLEDGED' },
  'GET /api/notifications': { access: 'authenticated' },
  'POST /api/notifications/read-all': { access: 'authenticated' },
  // Nobody's notification: only one's own can be marked.
  'POST /api/notifications/:id/read': { access: 'authenticated', refused: 'NOT_FOUND' },
};
let dutyDays = 0;
const nextDutyDay = () => new Date(Date.UTC(2027, 0, 1 + dutyDays++)).toISOString().slice(0, 10);
let extensions = 0;
const laterEnd = () => new Date(Date.UTC(2027, 2, 16 + extensions++)).toISOString().slice(0, 10);
/** In 浈江区: a warehouse that receives, an empty one, an item and a kit of it. */
const supplies = { placeId: '', emptyPlaceId: '', itemId: '', kitId: '' };

let t: TestApp;
const actors = new Map<Role, string>();
const blank = {
  id: '',
  userId: '',
  leadId: '',
  teamId: '',
  dispatchId: '',
  alertId: '',
  sentinelId: '',
  hotspotId: '',
  encounterId: '',
  personId: '',
  shiftId: '',
  stationId: '',
  stayId: '',
  supplyPlaceId: '',
  discrepancyId: '',
  shelterId: '',
  closedShelterId: '',
  standbyShelterId: '',
  campaignId: '',
  submissionId: '',
  proposalId: '',
  responseId: '',
  taskId: '',
  dutyAssignmentId: '',
  dutyHandoverId: '',
};
const hotspotBody = (regionCode: string) => ({
  name: `矩阵重点区域${Math.random()}`,
  kind: 'underpass',
  risk: 'medium',
  regionCode,
  lat: 24.8,
  lng: 113.6,
});
/** The keeping roles' actors stay the named keepers whatever an edit sends. */
const shelterBody = (regionCode: string) => ({
  name: `矩阵避寒场所${Math.random()}`,
  kind: 'cold_shelter',
  hostKind: 'community_centre',
  regionCode,
  address: '矩阵测试路 1 号',
  lat: 24.8,
  lng: 113.6,
  hours: { allDay: true },
  capacityDay: 30,
  capacityNight: 20,
  keeperIds: (['station_staff', 'shelter_keeper'] as const).map((r) => actors.get(r)!),
});
const targets = {
  in: { ...blank, code: '440204' },
  out: { ...blank, code: '440203' },
};
let sentinelToken = '';
let trackingCode = '';

beforeAll(async () => {
  t = await createTestApp();
  const zj = await buildOrg(t.db, { regionCode: '440204' });
  const wj = await buildOrg(t.db, { regionCode: '440203' });
  targets.in.id = zj.id;
  targets.out.id = wj.id;
  // Targets are patrol members: every admin may manage them.
  targets.in.userId = (
    await buildUser(t.db, { role: 'patrol_member', regionCode: '440204', phone: '13800000000' })
  ).id;
  targets.out.userId = (await buildUser(t.db, { role: 'patrol_member', regionCode: '440203' })).id;
  // An already triaged lead: a permitted `triage` is refused as INVALID_TRANSITION, which
  // still proves the caller got past access and jurisdiction.
  const zjLead = await buildLead(t.db, { regionCode: '440204', state: 'triaged' });
  targets.in.leadId = zjLead.id;
  targets.out.leadId = (await buildLead(t.db, { regionCode: '440203', state: 'triaged' })).id;
  trackingCode = zjLead.trackingCode;
  // Per side: an off-duty team, a finished assignment of another lead, and an alert on it.
  for (const side of ['in', 'out'] as const) {
    const code = targets[side].code;
    const crew = await buildTeam(t.db, { regionCode: code, status: 'off_duty', name: `矩阵测试队${side}` });
    const done = await buildLead(t.db, { regionCode: code, state: 'resolved' });
    const d = await buildDispatch(t.db, {
      leadId: done.id,
      teamId: crew.id,
      regionCode: code,
      state: 'completed',
    });
    targets[side].teamId = crew.id;
    targets[side].shiftId = uuidV7Ids.next();
    await t.db.insert(shift).values({
      id: targets[side].shiftId,
      teamId: crew.id,
      regionCode: code,
      members: [],
      vehicles: [],
      plannedHotspotIds: [],
      startedAt: new Date('2026-12-14T19:00:00+08:00'),
      endedAt: new Date('2026-12-15T07:00:00+08:00'),
    });
    targets[side].dispatchId = d.id;
    targets[side].alertId = (await buildAlert(t.db, d)).id;
    const personId = uuidV7Ids.next();
    targets[side].personId = personId;
    await t.db
      .insert(person)
      .values({ id: personId, tempNumber: `LS-${code}-${side}`, regionCode: code, sex: 'unknown' });
    targets[side].encounterId = uuidV7Ids.next();
    await t.db.insert(encounter).values({
      id: targets[side].encounterId,
      clientId: uuidV7Ids.next(),
      personId,
      regionCode: code,
      lat: 24.8,
      lng: 113.6,
      at: new Date(),
      facts: [],
      sex: 'unknown',
      proposedCategory: 'to_station',
      category: 'to_station',
      obligations: [],
      itemsGiven: [],
      forecastMinTempC: 0,
    });
    targets[side].hotspotId = uuidV7Ids.next();
    await t.db
      .insert(hotspot)
      .values({ id: targets[side].hotspotId, ...hotspotBody(code), name: `矩阵重点区域${side}` });
    // A station and a stay that has ended: a permitted act on it is refused as STAY_STATE.
    targets[side].stationId = (await buildOrg(t.db, { regionCode: code, kind: 'station' })).id;
    targets[side].stayId = uuidV7Ids.next();
    await t.db.insert(stay).values({
      id: targets[side].stayId,
      orgId: targets[side].stationId,
      regionCode: code,
      personId,
      arrivalKind: 'walk_in',
      state: 'discharged',
      triageFacts: [],
      triageRoute: 'admit',
      notifyPolice: false,
      sex: 'male',
      arrivedAt: new Date('2026-12-10T10:00:00+08:00'),
    });
  }
  await buildSupplyTargets();
  for (const side of ['in', 'out'] as const) {
    const regionCode = targets[side].code;
    targets[side].shelterId = (await buildShelter(t.db, { regionCode, status: 'open' })).id;
    targets[side].closedShelterId = (await buildShelter(t.db, { regionCode, status: 'closed' })).id;
    targets[side].standbyShelterId = (await buildShelter(t.db, { regionCode, status: 'standby' })).id;
  }
  // Per side: an ended response with a dismissed proposal and a task done.
  for (const side of ['in', 'out'] as const) {
    const regionCode = targets[side].code;
    const now = new Date();
    targets[side].responseId = uuidV7Ids.next();
    await t.db.insert(emergencyResponse).values({
      id: targets[side].responseId,
      regionCode,
      level: 'IV',
      state: 'ended',
      proposedAt: now,
      activatedAt: now,
      endedAt: now,
      warningIds: [],
    });
    targets[side].proposalId = uuidV7Ids.next();
    await t.db.insert(responseProposal).values({
      id: targets[side].proposalId,
      regionCode,
      kind: 'activate',
      toLevel: 'IV',
      warningIds: [],
      state: 'dismissed',
    });
    targets[side].taskId = uuidV7Ids.next();
    await t.db.insert(responseTask).values({
      id: targets[side].taskId,
      responseId: targets[side].responseId,
      regionCode,
      level: 'IV',
      code: 'notify_sentinels',
      title: '通知信息哨点',
      ownerRole: 'dispatcher',
      dueAt: now,
      state: 'done',
    });
  }
  // Per side: a campaign of the county and its approved November return.
  for (const side of ['in', 'out'] as const) {
    const regionCode = targets[side].code;
    targets[side].campaignId = uuidV7Ids.next();
    await t.db.insert(campaign).values({
      id: targets[side].campaignId,
      name: `矩阵专项行动${side}`,
      regionCode,
      startsOn: '2026-10-15',
      endsOn: '2027-03-15',
    });
    targets[side].submissionId = uuidV7Ids.next();
    await t.db.insert(submission).values({
      id: targets[side].submissionId,
      campaignId: targets[side].campaignId,
      regionCode,
      period: '2026-11',
      fromDay: '2026-11-01',
      toDay: '2026-11-30',
      dueOn: '2026-12-05',
      state: 'approved',
      figures: { values: {}, breakdowns: {} },
      filledBy: '矩阵',
      generatedAt: new Date(),
      updatedAt: new Date(),
    });
  }
  // Per side: a past day's assignment on the county bureau's roster and an acknowledged note.
  for (const side of ['in', 'out'] as const) {
    const regionCode = targets[side].code;
    targets[side].dutyAssignmentId = uuidV7Ids.next();
    await t.db.insert(dutyAssignment).values({
      id: targets[side].dutyAssignmentId,
      regionCode,
      day: '2026-12-01',
      slot: 'day',
      userId: targets[side].userId,
    });
    targets[side].dutyHandoverId = uuidV7Ids.next();
    await t.db.insert(dutyHandover).values({
      id: targets[side].dutyHandoverId,
      regionCode,
      day: '2026-12-14',
      slot: 'night',
      writtenBy: targets[side].userId,
      writtenAt: new Date('2026-12-15T07:50:00+08:00'),
      text: '矩阵交接班',
      acknowledgedBy: targets[side].userId,
      acknowledgedAt: new Date('2026-12-15T08:05:00+08:00'),
    });
  }
  const zjSentinel = await buildSentinel(t.db, { regionCode: '440204' });
  targets.in.sentinelId = zjSentinel.id;
  targets.out.sentinelId = (await buildSentinel(t.db, { regionCode: '440203' })).id;
  sentinelToken = zjSentinel.token;
  for (const role of roles) {
    // Everyone sits in 浈江区 so "out of jurisdiction" is the sibling 武江区.
    actors.set(
      role,
      (await buildUser(t.db, { role, regionCode: role === 'system_admin' ? '000000' : '440204' })).id,
    );
  }
  for (const side of ['in', 'out'] as const)
    await t.db
      .insert(shelterKeeper)
      .values([...actors.values()].map((userId) => ({ shelterId: targets[side].shelterId, userId })));
});
afterAll(() => t.close());

/** A place per side with a resolved discrepancy, and the 浈江区 places, item and kit the bodies use. */
async function buildSupplyTargets() {
  const part = await buildSupplyItem(t.db, { supplyKind: 'warmth_kit' });
  supplies.itemId = part.id;
  supplies.kitId = (
    await buildSupplyItem(t.db, { supplyKind: 'warmth_kit', components: [{ itemId: part.id, quantity: 2 }] })
  ).id;
  supplies.placeId = (await buildSupplyPlace(t.db, { regionCode: '440204' })).id;
  supplies.emptyPlaceId = (await buildSupplyPlace(t.db, { regionCode: '440204' })).id;
  for (const side of ['in', 'out'] as const) {
    const place = await buildSupplyPlace(t.db, { regionCode: targets[side].code });
    targets[side].supplyPlaceId = place.id;
    const movementId = uuidV7Ids.next();
    await t.db
      .insert(supplyMovement)
      .values({ id: movementId, kind: 'distribute', regionCode: place.regionCode, at: new Date() });
    targets[side].discrepancyId = uuidV7Ids.next();
    await t.db.insert(supplyDiscrepancy).values({
      id: targets[side].discrepancyId,
      placeId: place.id,
      supplyKind: 'coat',
      quantity: 1,
      movementId,
      regionCode: place.regionCode,
      raisedAt: new Date(),
      resolvedAt: new Date(),
    });
  }
}

function urlFor(url: string, side: 'in' | 'out', sample: Sample): string {
  const target = targets[side];
  const byPrefix: [string, string][] = [
    ['/api/reports/campaigns', target.campaignId],
    ['/api/response/proposals', target.proposalId],
    ['/api/response/responses', target.responseId],
    ['/api/response/tasks', target.taskId],
    ['/api/reports/submissions', target.submissionId],
    ['/api/users', target.userId],
    ['/api/leads', target.leadId],
    ['/api/teams', target.teamId],
    ['/api/dispatches', target.dispatchId],
    ['/api/patrol/dispatches', target.dispatchId],
    ['/api/alerts', target.alertId],
    ['/api/sentinels', target.sentinelId],
    ['/api/hotspots', target.hotspotId],
    ['/api/encounters', target.encounterId],
    ['/api/persons', target.personId],
    ['/api/shifts', target.shiftId],
    ['/api/stays', target.stayId],
    ['/api/stations', target.stationId],
    ['/api/supplies/places', target.supplyPlaceId],
    ['/api/supplies/discrepancies', target.discrepancyId],
    ['/api/shelters/:id/close', target.closedShelterId],
    ['/api/shelters/:id/stand-down', target.standbyShelterId],
    ['/api/shelters', target.shelterId],
    ['/api/duty/assignments', target.dutyAssignmentId],
    ['/api/duty/handovers', target.dutyHandoverId],
  ];
  const id = byPrefix.find(([prefix]) => url.startsWith(prefix))?.[1] ?? target.id;
  return (
    url
      .replace(':id', id)
      .replace(':photoId', '01900000-0000-7000-8000-000000000000')
      .replace(':clientId', target.encounterId)
      .replace(':form', 'service')
      .replace(':code', target.code)
      .replace(':trackingCode', trackingCode)
      .replace(':teamId', target.teamId) + (sample.query ?? '')
  );
}

/** Partner and sentinel routes take their own credential, never a session: every role is refused. */
const machineRefusal: Partial<Record<Access, string>> = {
  partner: 'INVALID_API_KEY',
  sentinel: 'INVALID_SENTINEL_TOKEN',
};
const expectedAllowed = (role: Role, access: Access) =>
  access === 'public' ||
  access === 'authenticated' ||
  (!machineRefusal[access] && can(role, access as Permission));
const isScoped = (access: Access) =>
  access !== 'public' && access !== 'authenticated' && !machineRefusal[access];

describe('authorization matrix', () => {
  it('requires authentication on every non-public route', async () => {
    for (const [key, p] of Object.entries(policy)) {
      if (p.access === 'public') continue;
      const [method, url] = key.split(' ') as [string, string];
      const res = await t.app.inject({
        method: method as 'GET',
        url: urlFor(url, 'in', p),
        payload: p.body?.('in') as object,
      });
      expect(res.statusCode, key).toBe(401);
    }
  });

  it('every registered /api route has a policy entry matching its declared access', () => {
    const apiRoutes = t.app.routeTable.filter(
      (r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs'),
    );
    expect(apiRoutes.length).toBeGreaterThan(10);
    for (const r of apiRoutes) {
      const key = `${r.method} ${r.url}`;
      expect(policy[key], `no policy entry for ${key}`).toBeDefined();
      expect(r.access, key).toBe(policy[key]!.access);
    }
    const registered = new Set(apiRoutes.map((r) => `${r.method} ${r.url}`));
    for (const key of Object.keys(policy))
      expect(registered.has(key), `policy for unregistered ${key}`).toBe(true);
  });

  it('a sentinel token opens the sentinel routes and nothing else', async () => {
    for (const [key, p] of Object.entries(policy)) {
      if (p.access === 'public') continue;
      const [method, url] = key.split(' ') as [string, string];
      const res = await t.app.inject({
        method: method as 'GET',
        url: urlFor(url, 'in', p),
        headers: { authorization: `Sentinel ${sentinelToken}` },
        payload: p.body?.('in') as object,
      });
      if (p.access === 'sentinel') expect(res.statusCode, `${key}: ${res.body}`).toBeLessThan(300);
      else expect(res.statusCode, key).toBe(401);
    }
  });

  for (const role of roles) {
    it(`${role}: allowed where its permissions say, in jurisdiction only`, async () => {
      for (const [key, p] of Object.entries(policy)) {
        const [method, url] = key.split(' ') as [string, string];
        if (url === '/api/live') continue; // a stream never ends under inject(); covered by live.routes.test
        const allowed = expectedAllowed(role, p.access);
        for (const side of ['in', 'out'] as const) {
          if (side === 'out' && (!url.includes(':') || !isScoped(p.access))) continue;
          const cookie = await t.sessionFor(actors.get(role)!);
          const res = await t.app.inject({
            method: method as 'GET',
            url: urlFor(url, side, p),
            headers: { cookie },
            payload: p.body?.(side) as object,
          });
          const label = `${role} ${key} (${side})`;
          expect(res.statusCode, `${label}: ${res.body}`).toBeLessThan(500);
          if (!allowed) {
            expect(res.json().error?.code, label).toBe(machineRefusal[p.access] ?? 'FORBIDDEN');
          } else if (side === 'out' && role !== 'system_admin') {
            expect(res.statusCode, `${label}: ${res.body}`).toBe(404);
          } else if (p.refusedFor?.[role] ?? p.refused) {
            expect(res.json().error?.code, label).toBe(p.refusedFor?.[role] ?? p.refused);
          } else {
            expect(res.statusCode, `${label}: ${res.body}`).toBeLessThan(300);
          }
        }
      }
      // Every route, in and out of jurisdiction, for the roles that hold every permission: a minute on a busy machine.
    }, 120_000);
  }
});
