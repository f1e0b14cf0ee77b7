/**
 * Turning on the second factor: POST /totp/setup returns a secret and its otpauth:// URL; the
 * person adds it to an authenticator app (QR or typed), then proves it with one code.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, QRCode, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { meKey, useAuth } from '../../app/auth.tsx';
import { errorText } from '../../app/errors.ts';
import { useLang } from '../../i18n/index.ts';

export function TotpCard() {
  const { me } = useAuth();
  const { t } = useTranslation();
  const { key } = useLang();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const setup = useMutation({
    mutationFn: () => api.post<{ secret: string; otpauthUrl: string }>('/api/auth/totp/setup'),
  });
  const enable = useMutation({
    mutationFn: (code: string) => api.post('/api/auth/totp/enable', { code }),
    onSuccess: async () => {
      message.success(t('account.totpDone'));
      setup.reset();
      await queryClient.invalidateQueries({ queryKey: meKey });
    },
  });

  return (
    <Card
      title={t('account.totpTitle')}
      data-testid="totp-card"
      extra={
        me.totpEnabled ? <Tag color="success">{t('home.me.totpOn')}</Tag> : <Tag>{t('home.me.totpOff')}</Tag>
      }
    >
      {me.totpEnabled ? (
        <Typography.Paragraph data-testid="totp-enabled">{t('account.totpEnabled')}</Typography.Paragraph>
      ) : !setup.data ? (
        <>
          <Typography.Paragraph type="secondary">{t('account.totpIntro')}</Typography.Paragraph>
          {setup.error && (
            <Alert type="error" showIcon title={errorText(setup.error, key)} style={{ marginBottom: 16 }} />
          )}
          <Button
            type="primary"
            loading={setup.isPending}
            onClick={() => setup.mutate()}
            data-testid="totp-start"
          >
            {t('account.totpStart')}
          </Button>
        </>
      ) : (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Typography.Text>{t('account.totpScan')}</Typography.Text>
          <QRCode value={setup.data.otpauthUrl} size={176} bordered={false} />
          <div>
            <Typography.Text type="secondary">{t('account.totpSecret')}：</Typography.Text>
            <Typography.Text code copyable data-testid="totp-secret">
              {setup.data.secret}
            </Typography.Text>
          </div>
          <Typography.Paragraph type="secondary" style={{ wordBreak: 'break-all', margin: 0 }}>
            {t('account.totpUrl')}：
            <Typography.Text copyable={{ text: setup.data.otpauthUrl }} data-testid="totp-url">
              {setup.data.otpauthUrl}
            </Typography.Text>
          </Typography.Paragraph>
          {enable.error && (
            <Alert type="error" showIcon title={errorText(enable.error, key)} data-testid="totp-error" />
          )}
          <Form layout="inline" onFinish={({ code }: { code: string }) => enable.mutate(code)}>
            <Form.Item
              name="code"
              rules={[{ required: true, pattern: /^\d{6}$/, message: t('login.totpRequired') }]}
            >
              <Input
                placeholder={t('account.totpCode')}
                inputMode="numeric"
                maxLength={6}
                autoComplete="one-time-code"
                style={{ width: 140 }}
                data-testid="totp-code"
              />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={enable.isPending} data-testid="totp-confirm">
              {t('account.totpConfirm')}
            </Button>
          </Form>
        </Space>
      )}
    </Card>
  );
}
