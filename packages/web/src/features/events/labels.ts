import { eventActions, isEventAction } from '@warmline/domain';
import type { i18n as I18n } from 'i18next';
import type { LabelKey } from '../../i18n/index.ts';

/**
 * Readable names for event actions (`user.created` → 新建用户), from the domain's catalogue
 * the server records from, and for entity types. An unknown action shows its code.
 */
export function actionLabel(lang: LabelKey, action: string): string {
  return isEventAction(action) ? eventActions[action][lang] : action;
}

export function entityLabel(i18n: I18n, entityType: string): string {
  const key = `events.entity.${entityType}`;
  return i18n.exists(key) ? String(i18n.t(key as never)) : entityType;
}
