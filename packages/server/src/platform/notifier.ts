/**
 * The seam through which a capability tells people something (a proposal to confirm, an
 * overdue task, a duty gap). Notifications are stored in-app and handed to a pluggable
 * provider (SMS/IM); the default provider writes an outbox table (see docs/notifications.md).
 * Sending is part of the caller's transaction: a rolled-back act notifies nobody.
 */
import type { DbOrTx } from '../db/pool.ts';

export interface NotificationInput {
  /** Who is told. */
  userId: string;
  /** The region the matter belongs to (scopes who else may read it). */
  regionCode: string;
  /** A stable machine code, e.g. `response.proposed`, `response.task_overdue`, `duty.gap`. */
  kind: string;
  /** Short Chinese text shown in the bell and sent by SMS. */
  title: string;
  body?: string;
  /** A staff-app path to open, e.g. `/response`. */
  link?: string;
}

export interface Notifier {
  send(tx: DbOrTx, items: readonly NotificationInput[]): Promise<void>;
}

/** Who holds the duty at a moment: the duty module answers; the response module asks. */
export interface DutyLookup {
  /** The leader on duty (领导带班) for the region's bureau on that day, if rostered. */
  leaderOnDuty(tx: DbOrTx, regionCode: string, at: Date): Promise<string | null>;
  /** Everyone rostered on duty in the region at that moment (leader included). */
  onDuty(tx: DbOrTx, regionCode: string, at: Date): Promise<string[]>;
}
