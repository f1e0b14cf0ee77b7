import { useMutation } from '@tanstack/react-query';
import { passwordSchema } from '@warmline/domain';
import { Alert, App, Button, Card, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { useAuth } from '../../app/auth.tsx';
import { errorText } from '../../app/errors.ts';
import { schemaRule } from '../../app/forms.ts';
import { useLang } from '../../i18n/index.ts';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export function ChangePasswordCard() {
  const { me } = useAuth();
  const { t } = useTranslation();
  const { key } = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const change = useMutation({
    mutationFn: ({ currentPassword, newPassword }: Values) =>
      api.post('/api/auth/password', { currentPassword, newPassword }),
    onSuccess: () => {
      form.resetFields();
      message.success(t('account.passwordChanged'));
    },
  });
  return (
    <Card title={t('account.changePassword')} data-testid="change-password-card">
      {change.error && (
        <Alert
          type="error"
          showIcon
          title={errorText(change.error, key)}
          style={{ marginBottom: 16 }}
          data-testid="password-error"
        />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(values) => change.mutate(values)}
        style={{ maxWidth: 360 }}
      >
        {/* Lets password managers file the new password under the right account. */}
        <input type="text" name="username" autoComplete="username" value={me.username} readOnly hidden />
        <Form.Item
          name="currentPassword"
          label={t('account.currentPassword')}
          rules={[{ required: true, message: t('login.passwordRequired') }]}
        >
          <Input.Password autoComplete="current-password" data-testid="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('account.newPassword')}
          extra={t('users.invalid.password')}
          rules={[
            { required: true, message: t('users.invalid.password') },
            schemaRule(passwordSchema, t('users.invalid.password')),
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('account.confirmPassword')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('account.passwordMismatch') },
            ({ getFieldValue }) => ({
              validator: async (_, value) => {
                if (value && value !== getFieldValue('newPassword'))
                  throw new Error(t('account.passwordMismatch'));
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="confirm-password" />
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          loading={change.isPending}
          data-testid="change-password-submit"
        >
          {t('account.changePassword')}
        </Button>
      </Form>
    </Card>
  );
}
