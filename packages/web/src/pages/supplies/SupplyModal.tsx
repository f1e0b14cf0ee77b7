/**
 * The frame of every supplies dialog: title, the refusal (in the catalogue's words, a shortage
 * spelt out) above the form, cancel and the one action. Closing by the mask is off: a half-typed
 * list of items is not lost to a stray click.
 */
import { Alert, Button, Modal, Space } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n/index.ts';
import { refusalText } from './mutation.ts';

export function SupplyModal(props: {
  title: string;
  /** The action's test id; the refusal's is `${testId}-error`. */
  testId: string;
  onClose: () => void;
  onAction: () => void;
  busy: boolean;
  error: unknown;
  actionLabel?: string;
  actionDisabled?: boolean;
  /** Shown under the refusal, e.g. the import's row-by-row list; replaces the plain refusal. */
  errorDetail?: ReactNode;
  width?: number;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const { key } = useLang();
  return (
    <Modal
      open
      onCancel={props.onClose}
      title={props.title}
      width={{ xs: '100%', md: props.width ?? 640 }}
      destroyOnHidden
      maskClosable={false}
      footer={
        <Space>
          <Button onClick={props.onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            loading={props.busy}
            disabled={props.actionDisabled}
            onClick={props.onAction}
            data-testid={props.testId}
          >
            {props.actionLabel ?? t('common.save')}
          </Button>
        </Space>
      }
    >
      {!!props.error &&
        (props.errorDetail ?? (
          <Alert
            type="error"
            showIcon
            title={refusalText(props.error, key)}
            style={{ marginBottom: 16 }}
            data-testid={`${props.testId}-error`}
          />
        ))}
      {props.children}
    </Modal>
  );
}
