import { useMutation } from '@tanstack/react-query';
import { passwordSchema } from '@warmline/domain';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api.ts';
import { errorText } from '../../../app/errors.ts';
import { schemaRule } from '../../../app/forms.ts';
import type { User } from '../../../app/types.ts';
import { useLang } from '../../../i18n/index.ts';

/** An admin sets a new password for someone who forgot theirs (POST /api/users/:id/password). */
export function ResetPasswordModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { key } = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password: string }>();
  const reset = useMutation({
    mutationFn: ({ password }: { password: string }) =>
      api.post(`/api/users/${user?.id}/password`, { password }),
    onSuccess: () => {
      message.success(t('users.passwordReset'));
      onClose();
    },
  });
  return (
    <Modal
      open={user !== null}
      title={t('users.resetPasswordTitle', { name: user?.displayName ?? '' })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={reset.isPending}
      destroyOnHidden
      afterClose={() => reset.reset()}
      data-testid="reset-password-modal"
    >
      {reset.error && (
        <Alert type="error" showIcon title={errorText(reset.error, key)} style={{ marginBottom: 16 }} />
      )}
      <Form form={form} layout="vertical" onFinish={(values) => reset.mutate(values)} preserve={false}>
        <Form.Item
          name="password"
          label={t('users.newPassword')}
          extra={t('users.field.passwordHint')}
          rules={[
            { required: true, message: t('users.invalid.password') },
            schemaRule(passwordSchema, t('users.invalid.password')),
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="reset-password-input" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
