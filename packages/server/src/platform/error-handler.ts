import { type ErrorBody, type ErrorCode, errorCatalog } from '@warmline/domain';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError } from './errors.ts';

/** PostgreSQL/network failures that mean "the database is not there", not "a bug". */
const databaseDownCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  '57P01',
  '57P02',
  '57P03',
  '08006',
  '08001',
  '08003',
]);

/** A unique index that lost a race names the conflict the service's own check would have. */
const uniqueConstraintCodes: Record<string, ErrorCode> = {
  app_user_username_uq: 'USERNAME_TAKEN',
  org_region_name_uq: 'ORG_NAME_TAKEN',
  sentinel_phone_uq: 'SENTINEL_PHONE_TAKEN',
  supply_item_name_uq: 'SUPPLY_ITEM_NAME_TAKEN',
  supply_place_region_name_uq: 'SUPPLY_PLACE_NAME_TAKEN',
  shelter_region_name_uq: 'SHELTER_NAME_TAKEN',
};

type PgLike = { code?: unknown; constraint?: unknown; message?: unknown; cause?: unknown };

/** Drizzle wraps driver errors ("Failed query: …"); the PostgreSQL error is in `cause`. */
function driverError(err: PgLike): PgLike {
  let e: PgLike = err;
  for (let depth = 0; depth < 5 && e.cause && typeof e.cause === 'object'; depth++) {
    if (typeof e.code === 'string') break;
    e = e.cause as PgLike;
  }
  return e;
}

function classify(err: FastifyError & { cause?: unknown }): { code: ErrorCode; details?: unknown } {
  if (err instanceof AppError) return { code: err.code, details: err.details };
  if (hasZodFastifySchemaValidationErrors(err)) {
    return {
      code: 'VALIDATION_FAILED',
      details: err.validation.map((v) => ({
        in: err.validationContext,
        path: v.instancePath,
        message: v.message,
      })),
    };
  }
  switch (err.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { code: 'INVALID_JSON' };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { code: 'PAYLOAD_TOO_LARGE' };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return { code: 'UNSUPPORTED_MEDIA_TYPE' };
  }
  if (err instanceof SyntaxError && err.statusCode === 400) return { code: 'INVALID_JSON' };
  if (err.statusCode === 429) return { code: 'RATE_LIMITED' };
  const pgErr = driverError(err);
  const pgCode = String(pgErr.code ?? '');
  const message = String(pgErr.message ?? '');
  if (
    databaseDownCodes.has(pgCode) ||
    /Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect/.test(message)
  ) {
    return { code: 'DATABASE_DOWN' };
  }
  if (pgCode === '23505') {
    const code = uniqueConstraintCodes[String(pgErr.constraint)];
    if (code) return { code };
  }
  // A movement linked to an encounter, stay or person that does not exist.
  if (pgCode === '23503' && String(pgErr.constraint).startsWith('supply_movement_'))
    return { code: 'VALIDATION_FAILED', details: { reason: 'linked record not found' } };
  // The stock's own guard, should a movement ever get past the ledger's check.
  if (pgCode === '23514' && pgErr.constraint === 'supply_stock_nonnegative_ck')
    return { code: 'STOCK_INSUFFICIENT' };
  // PostgreSQL rejecting malformed input that slipped past a schema (bad uuid, bad number).
  if (['22P02', '22003', '22007', '22008', '22001'].includes(pgCode)) return { code: 'VALIDATION_FAILED' };
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) return { code: 'VALIDATION_FAILED' };
  return { code: 'INTERNAL' };
}

export function sendError(reply: FastifyReply, request: FastifyRequest, code: ErrorCode, details?: unknown) {
  const body: ErrorBody = {
    error: {
      code,
      message: errorCatalog[code].zh,
      requestId: String(request.id),
      ...(details ? { details } : {}),
    },
  };
  return reply.status(errorCatalog[code].status).type('application/json; charset=utf-8').send(body);
}

export function errorHandler(err: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const { code, details } = classify(err);
  if (code === 'INTERNAL' || code === 'DATABASE_DOWN') request.log.error({ err }, 'request failed');
  else request.log.info({ code }, 'request refused');
  return sendError(reply, request, code, details);
}
