/** What other capabilities read of the response module: the level in force and tonight's forecast. */
import type { Db } from '../../db/pool.ts';
import type { ResponseLevelAt } from '../../platform/response-level.ts';
import { createResponseRepository } from './response.repository.ts';
import { nightOf } from './response.service.ts';

export const responseLevelAt =
  (db: Db): ResponseLevelAt =>
  (regionCode, tx) =>
    createResponseRepository(tx ?? db).levelAt(regionCode);

/** The coldest forecast for the night of `at` where the person is; the configured value when none. */
export const forecastAt =
  (db: Db, fallbackC: number) =>
  async (regionCode: string, at: Date): Promise<number> =>
    (await createResponseRepository(db).forecastMin(regionCode, nightOf(at))) ?? fallbackC;

export const activeResponseRegions = (db: Db) => () => createResponseRepository(db).activeRegions();
