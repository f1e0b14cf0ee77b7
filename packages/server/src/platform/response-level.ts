import type { ResponseLevel } from '@warmline/domain';
import type { DbOrTx } from '../db/pool.ts';

/**
 * The emergency response level in force where a record is (its region or one covering it): the
 * response module answers, and dispatch, encounters and hotspots tighten their rules by it.
 * Inside a transaction pass it, so the read does not take a second pool connection.
 */
export type ResponseLevelAt = (regionCode: string, tx?: DbOrTx) => Promise<ResponseLevel | null>;
