/**
 * Sign-in. When the account has a second factor the server answers 401 TOTP_REQUIRED; the form
 * then asks for the 6-digit code and sends username, password and code again.
 */
import { LockOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { ApiError, api } from '../../app/api.ts';
import { forgetUserData, type LoginState, useMeQuery } from '../../app/auth.tsx';
import { BrandMark } from '../../app/Brand.tsx';
import { errorText } from '../../app/errors.ts';
import { LanguageSwitch } from '../../app/LanguageSwitch.tsx';
import type { Me } from '../../app/types.ts';
import { waitingOnDevice } from '../../features/outbox/outbox.ts';
import { useLang } from '../../i18n/index.ts';
import './login.css';

interface Credentials {
  username: string;
  password: string;
  totp?: string;
}

export function LoginPage() {
  const { t } = useTranslation();
  const { key } = useLang();
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const me = useMeQuery();
  const [form] = Form.useForm<Credentials>();
  const [needsTotp, setNeedsTotp] = useState(false);
  // A patrol phone whose session ended with records still on it: they go after this sign-in.
  const [waiting, setWaiting] = useState(0);
  useEffect(() => {
    void waitingOnDevice().then(setWaiting);
  }, []);
  const state = location.state as LoginState | null;
  const wanted = state?.from ?? '/';
  // Back to where the session ended, never back to the login page itself.
  const from = wanted.startsWith('/login') ? '/' : wanted;

  const login = useMutation({
    mutationFn: (values: Credentials) => api.post<Me>('/api/auth/login', values),
    onSuccess: (signedIn) => {
      forgetUserData(queryClient, signedIn);
      navigate(from, { replace: true });
    },
    onError: (error) => {
      if (error instanceof ApiError && (error.code === 'TOTP_REQUIRED' || error.code === 'TOTP_INVALID')) {
        setNeedsTotp(true);
        form.setFieldValue('totp', '');
      }
    },
  });

  // Already signed in (or just now): go on. Rendering this also covers the sign-in itself,
  // since the cache update can re-render this page before navigate() lands.
  if (me.data && !state?.signedOut) return <Navigate to={from} replace />;

  // TOTP_REQUIRED is a step, not a failure: the code field explains itself.
  const error = login.error instanceof ApiError && login.error.code === 'TOTP_REQUIRED' ? null : login.error;

  return (
    <div className="wl-login">
      <div className="wl-login-lang">
        <LanguageSwitch size="middle" />
      </div>
      <main className="wl-login-main">
        <div className="wl-login-brand">
          <BrandMark size={56} />
          <Typography.Title level={1} className="wl-login-title" data-testid="login-title">
            {t('app.name')}
            <span className="wl-login-dot"> · </span>
            <span className="wl-login-tagline">{t('app.tagline')}</span>
          </Typography.Title>
          <Typography.Paragraph type="secondary" className="wl-login-motto">
            {t('login.motto')}
          </Typography.Paragraph>
        </div>
        {/* A plain panel, not antd Card: Card pulls in Tabs and Menu, which the login page never uses. */}
        <section className="wl-login-card">
          <Typography.Title level={4} style={{ marginTop: 0 }}>
            {needsTotp ? t('login.totpHeading') : t('login.heading')}
          </Typography.Title>
          {waiting > 0 && (
            <Alert
              type="warning"
              showIcon
              title={t('login.waiting', { n: waiting })}
              style={{ marginBottom: 16 }}
              data-testid="login-waiting"
            />
          )}
          {error && (
            <Alert
              type="error"
              showIcon
              title={errorText(error, key)}
              style={{ marginBottom: 16 }}
              data-testid="login-error"
            />
          )}
          <Form<Credentials>
            form={form}
            layout="vertical"
            size="large"
            requiredMark={false}
            onFinish={(values) => login.mutate({ ...values, totp: needsTotp ? values.totp : undefined })}
            data-testid="login-form"
          >
            <Form.Item
              name="username"
              label={t('login.username')}
              rules={[{ required: true, message: t('login.usernameRequired') }]}
              hidden={needsTotp}
            >
              <Input
                prefix={<UserOutlined />}
                autoComplete="username"
                autoFocus
                data-testid="login-username"
              />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('login.password')}
              rules={[{ required: true, message: t('login.passwordRequired') }]}
              hidden={needsTotp}
            >
              <Input.Password
                prefix={<LockOutlined />}
                autoComplete="current-password"
                data-testid="login-password"
              />
            </Form.Item>
            {needsTotp && (
              <Form.Item
                name="totp"
                label={t('login.totp')}
                extra={t('login.totpHint')}
                rules={[{ required: true, pattern: /^\d{6}$/, message: t('login.totpRequired') }]}
              >
                <Input
                  prefix={<SafetyOutlined />}
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  maxLength={6}
                  autoFocus
                  data-testid="login-totp"
                />
              </Form.Item>
            )}
            <Button
              type="primary"
              htmlType="submit"
              block
              loading={login.isPending}
              data-testid="login-submit"
            >
              {t('login.submit')}
            </Button>
            {needsTotp && (
              <Button
                type="link"
                block
                style={{ marginTop: 8 }}
                onClick={() => {
                  setNeedsTotp(false);
                  login.reset();
                }}
              >
                {t('login.back')}
              </Button>
            )}
          </Form>
        </section>
        <Typography.Paragraph type="secondary" className="wl-login-footer">
          {t('login.footer')}
        </Typography.Paragraph>
      </main>
    </div>
  );
}
