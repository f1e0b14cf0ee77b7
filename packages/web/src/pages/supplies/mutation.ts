import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../app/api.ts';
import { errorText } from '../../app/errors.ts';
import type { LabelKey } from '../../i18n/index.ts';

/**
 * A supplies change: on success every supplies query is refetched (the live stream would do it
 * a moment later; this makes the screen of the person who acted exact at once).
 */
export function useSupplyMutation<I, O>(
  send: (input: I) => Promise<O>,
  done: string | ((out: O) => string),
  onDone?: (out: O) => void,
) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (out) => {
      message.success(typeof done === 'string' ? done : done(out));
      void queryClient.invalidateQueries({ queryKey: ['supplies'] });
      onDone?.(out);
    },
  });
}

/** A refusal in the catalogue's words; a shortage also says what each item has and needed. */
export function refusalText(error: unknown, key: LabelKey): string {
  const text = errorText(error, key);
  if (!(error instanceof ApiError) || error.code !== 'STOCK_INSUFFICIENT') return text;
  const shortages = (error.details as { shortages?: Shortage[] } | undefined)?.shortages ?? [];
  const each = shortages.map((s) =>
    key === 'en'
      ? `${s.itemName ?? s.itemId}: ${s.available} there, ${s.requested} needed`
      : `${s.itemName ?? s.itemId} 现有 ${s.available}，需要 ${s.requested}`,
  );
  return each.length ? `${text}（${each.join('；')}）` : text;
}

interface Shortage {
  itemId: string;
  itemName: string | null;
  available: number;
  requested: number;
}

/**
 * A movement's form: one client id from opening to closing (a double click or a resend after a
 * timeout stores once), the note trimmed, the dialog frame's props, the required-field rule.
 */
export function useMovementForm<V extends { note?: string | undefined }>(
  url: string,
  onClose: () => void,
  shape: (v: V) => object = (v) => v,
) {
  const { t } = useTranslation();
  const [form] = Form.useForm<V>();
  const clientId = useMemo(() => crypto.randomUUID(), []);
  const save = useSupplyMutation(
    (v: V) => api.post(url, { ...shape(v), note: v.note?.trim() || null, clientId }),
    t('supplies.form.saved'),
    onClose,
  );
  const modal = { onClose, onAction: () => form.submit(), busy: save.isPending, error: save.error };
  return { form, save, modal, required: [{ required: true, message: t('supplies.form.required') }] };
}
