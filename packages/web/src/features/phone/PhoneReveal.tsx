import { EyeOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import type { Permission } from '@warmline/domain';
import { App, Button, Space, Tooltip, Typography } from 'antd';
import { api } from '../../app/api.ts';
import { useAuth } from '../../app/auth.tsx';
import { errorText } from '../../app/errors.ts';
import { useLang } from '../../i18n/index.ts';

/**
 * A phone number is personal data: tables show it masked, and seeing it whole is a deliberate
 * click that the server records in the audit log (`url` answers `{ phone }`). Only holders of
 * `permission` (the one the API asks for) get the button; read-only roles see it masked.
 */
export function PhoneReveal({
  masked,
  url,
  permission,
  label,
}: {
  masked: string | null;
  url: string;
  permission: Permission;
  /** The button's tooltip, saying the read is recorded. */
  label: string;
}) {
  const { key } = useLang();
  const { message } = App.useApp();
  const { can } = useAuth();
  const reveal = useMutation({
    mutationFn: () => api.get<{ phone: string | null }>(url),
    onError: (error) => message.error(errorText(error, key)),
  });
  if (!masked) return <Typography.Text type="secondary">—</Typography.Text>;
  if (reveal.data) return <span data-testid="phone-full">{reveal.data.phone ?? '—'}</span>;
  if (!can(permission)) return <span data-testid="phone-masked">{masked}</span>;
  return (
    <Space size={4}>
      <span data-testid="phone-masked">{masked}</span>
      <Tooltip title={label}>
        <Button
          type="text"
          size="small"
          icon={<EyeOutlined />}
          loading={reveal.isPending}
          onClick={() => reveal.mutate()}
          aria-label={label}
          data-testid="phone-reveal"
        />
      </Tooltip>
    </Space>
  );
}
