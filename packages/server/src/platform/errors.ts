import { type ErrorCode, errorCatalog } from '@warmline/domain';

/**
 * The one error type services throw. The HTTP status and the words come from the
 * domain's error catalog, so a service never speaks HTTP.
 */
export class AppError extends Error {
  override name = 'AppError';
  constructor(
    readonly code: ErrorCode,
    readonly details?: unknown,
  ) {
    super(errorCatalog[code].en);
  }

  get status(): number {
    return errorCatalog[this.code].status;
  }
}
