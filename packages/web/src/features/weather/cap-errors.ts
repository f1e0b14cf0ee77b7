/**
 * Why a CAP file was refused, in words: the server answers CAP_INVALID with the parser's reason
 * in English (`details.reason`), which is mapped here to a sentence for the duty officer.
 */
import type { TFunction } from 'i18next';
import { ApiError } from '../../app/api.ts';
import { errorText } from '../../app/errors.ts';
import type { LabelKey } from '../../i18n/index.ts';

const missing: Record<string, string> = {
  'missing identifier': 'identifier',
  'missing sender': 'sender',
  'missing or malformed sent': 'sent',
  'bad status': 'status',
  'bad msgType': 'msgType',
  'missing scope': 'scope',
  'info without event': 'event',
  'info without severity': 'severity',
  'area without areaDesc': 'areaDesc',
};

export function capReasonText(reason: string, t: TFunction): string {
  if (reason.startsWith('not well-formed XML')) return t('weather.capReason.xml');
  if (reason === 'not CAP 1.2' || reason === 'no alert element') return t('weather.capReason.notCap');
  if (reason === 'DTD not allowed') return t('weather.capReason.dtd');
  if (reason === 'too large') return t('weather.upload.tooLarge');
  if (reason === 'empty body') return t('weather.capReason.empty');
  if (reason.endsWith('without references')) return t('weather.capReason.references');
  if (reason === 'alert without info') return t('weather.capReason.noInfo');
  if (missing[reason]) return t('weather.capReason.missing', { field: missing[reason] });
  if (/^malformed (polygon|circle)/.test(reason)) return t('weather.capReason.area', { detail: reason });
  return t('weather.capReason.other', { reason });
}

/** The catalogue's words for the refusal, with the reason spelt out for a refused CAP file. */
export function capErrorText(error: unknown, key: LabelKey, t: TFunction): string {
  const base = errorText(error, key);
  if (error instanceof ApiError && error.code === 'CAP_INVALID') {
    const reason = (error.details as { reason?: unknown } | undefined)?.reason;
    if (typeof reason === 'string')
      return `${base}。${t('weather.capReason.prefix')}${capReasonText(reason, t)}`;
  }
  return base;
}
