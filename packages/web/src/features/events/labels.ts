import type { i18n as I18n } from 'i18next';

/**
 * Readable names for event actions (`user.created` → 新建用户) and entity types. Actions the
 * dictionary does not know yet are shown as their code, which is still meaningful.
 */
export function actionLabel(i18n: I18n, action: string): string {
  const key = `events.actions.${action}`;
  return i18n.exists(key) ? String(i18n.t(key as never)) : action;
}

export function entityLabel(i18n: I18n, entityType: string): string {
  const key = `events.entity.${entityType}`;
  return i18n.exists(key) ? String(i18n.t(key as never)) : entityType;
}
