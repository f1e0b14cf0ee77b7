import { EyeOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Space, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api.ts';
import { useAuth } from '../../../app/auth.tsx';
import { errorText } from '../../../app/errors.ts';
import type { User } from '../../../app/types.ts';
import { useLang } from '../../../i18n/index.ts';

/**
 * A phone number is personal data: the table shows it masked, and seeing it whole is a
 * deliberate click that the server records in the audit log (GET /api/users/:id/phone).
 */
export function PhoneCell({ user }: { user: User }) {
  const { t } = useTranslation();
  const { key } = useLang();
  const { message } = App.useApp();
  const { can } = useAuth();
  const reveal = useMutation({
    mutationFn: () => api.get<{ phone: string | null }>(`/api/users/${user.id}/phone`),
    onError: (error) => message.error(errorText(error, key)),
  });
  if (!user.phoneMasked) return <Typography.Text type="secondary">—</Typography.Text>;
  if (reveal.data) return <span data-testid="phone-full">{reveal.data.phone ?? '—'}</span>;
  // Revealing is a managing act (the API asks for user.manage): read-only roles see it masked.
  if (!can('user.manage')) return <span data-testid="phone-masked">{user.phoneMasked}</span>;
  return (
    <Space size={4}>
      <span data-testid="phone-masked">{user.phoneMasked}</span>
      <Tooltip title={t('users.showPhone')}>
        <Button
          type="text"
          size="small"
          icon={<EyeOutlined />}
          loading={reveal.isPending}
          onClick={() => reveal.mutate()}
          aria-label={t('users.showPhone')}
          data-testid="phone-reveal"
        />
      </Tooltip>
    </Space>
  );
}
