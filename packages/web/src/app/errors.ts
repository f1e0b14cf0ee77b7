import { errorCatalog } from '@warmline/domain';
import type { LabelKey } from '../i18n/index.ts';
import { ApiError } from './api.ts';

/** The words a person reads for a failed request: the catalogue's, in the chosen language. */
export function errorText(error: unknown, key: LabelKey): string {
  if (error instanceof ApiError) {
    if (error.status === 0) return key === 'en' ? 'Cannot reach the server' : '无法连接服务器，请检查网络';
    return errorCatalog[error.code][key];
  }
  return errorCatalog.INTERNAL[key];
}
