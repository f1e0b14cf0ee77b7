/**
 * The frame of a form dialog: title, the refusal (in the catalogue's words) above the form,
 * cancel and the one action. Closing by the mask is off: a half-filled form is not lost to a
 * stray click.
 */
import { Alert, Button, Modal, Space } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../i18n/index.ts';
import { errorText } from './errors.ts';

export interface ModalFrameProps {
  title: string;
  /** The action's test id; the refusal's is `${testId}-error`. */
  testId: string;
  onClose: () => void;
  onAction: () => void;
  busy: boolean;
  error: unknown;
  actionLabel?: string;
  actionDisabled?: boolean;
  /** Shown instead of the plain refusal, e.g. an import's row-by-row list. */
  errorDetail?: ReactNode;
  /** The refusal's words when a screen says more than the catalogue (a shortage spelt out). */
  describeError?: (error: unknown) => string;
  width?: number;
  children: ReactNode;
}

export function ModalFrame(props: ModalFrameProps) {
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
            title={props.describeError ? props.describeError(props.error) : errorText(props.error, key)}
            style={{ marginBottom: 16 }}
            data-testid={`${props.testId}-error`}
          />
        ))}
      {props.children}
    </Modal>
  );
}
