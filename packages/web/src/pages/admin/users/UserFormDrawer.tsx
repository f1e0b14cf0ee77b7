/**
 * Create or edit a user. The role list comes from assignableRoles(me.role) and the region
 * picker only offers the admin's jurisdiction, mirroring what the server enforces; the
 * server's refusal (USERNAME_TAKEN, REGION_OUT_OF_SCOPE…) is still shown if it happens.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  assignableRoles,
  displayNameSchema,
  passwordSchema,
  type Role,
  roleLabels,
  usernameSchema,
} from '@warmline/domain';
import { Alert, App, Button, Drawer, Form, Input, Select, Space, Switch } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api.ts';
import { useAuth } from '../../../app/auth.tsx';
import { errorText } from '../../../app/errors.ts';
import { phonePattern, schemaRule } from '../../../app/forms.ts';
import type { User } from '../../../app/types.ts';
import { OrgSelect } from '../../../features/orgs/OrgSelect.tsx';
import { RegionSelect } from '../../../features/regions/RegionSelect.tsx';
import { useLang } from '../../../i18n/index.ts';

interface UserFormValues {
  username: string;
  displayName: string;
  role: Role;
  regionCode: string;
  orgId: string | null;
  password: string;
  phone?: string;
  disabled: boolean;
}

interface Props {
  open: boolean;
  /** The user being edited, or null to create one. */
  user: User | null;
  onClose: () => void;
}

export function UserFormDrawer({ open, user, onClose }: Props) {
  const { me } = useAuth();
  const { t } = useTranslation();
  const { key } = useLang();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<UserFormValues>();
  const editing = user !== null;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (user) {
      form.setFieldsValue({
        displayName: user.displayName,
        role: user.role,
        regionCode: user.regionCode,
        orgId: user.orgId,
        disabled: user.disabled,
      });
    } else {
      form.setFieldsValue({ regionCode: me.regionCode, orgId: null, disabled: false });
    }
  }, [open, user, form, me.regionCode]);

  const save = useMutation({
    mutationFn: async (values: UserFormValues) => {
      if (!user) {
        return api.post<User>('/api/users', {
          username: values.username,
          displayName: values.displayName,
          role: values.role,
          regionCode: values.regionCode,
          orgId: values.orgId ?? undefined,
          password: values.password,
          phone: values.phone || undefined,
        });
      }
      // Send only what changed, so an edit never rewrites fields the admin did not touch.
      const patch: Record<string, unknown> = {};
      if (values.displayName !== user.displayName) patch.displayName = values.displayName;
      if (values.role !== user.role) patch.role = values.role;
      if (values.regionCode !== user.regionCode) patch.regionCode = values.regionCode;
      if ((values.orgId ?? null) !== user.orgId) patch.orgId = values.orgId ?? null;
      if (values.disabled !== user.disabled) patch.disabled = values.disabled;
      if (values.phone) patch.phone = values.phone;
      return api.patch<User>(`/api/users/${user.id}`, patch);
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['users'] });
      message.success(editing ? t('common.saved') : t('common.created'));
      onClose();
    },
  });

  const roles = assignableRoles(me.role);
  // An admin may view a user whose role they could not grant; they then cannot change it.
  const roleLocked = editing && !roles.includes(user.role);

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={editing ? `${t('users.editTitle')} · ${user.username}` : t('users.create')}
      size={480}
      destroyOnHidden
      afterOpenChange={(visible) => {
        if (!visible) save.reset();
      }}
      data-testid="user-drawer"
      footer={
        <Space style={{ justifyContent: 'flex-end', width: '100%' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            loading={save.isPending}
            onClick={() => form.submit()}
            data-testid="user-save"
          >
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      {save.error && (
        <Alert
          type="error"
          showIcon
          title={errorText(save.error, key)}
          style={{ marginBottom: 16 }}
          data-testid="user-form-error"
        />
      )}
      <Form<UserFormValues> form={form} layout="vertical" onFinish={(values) => save.mutate(values)}>
        {!editing && (
          <Form.Item
            name="username"
            label={t('users.field.username')}
            extra={t('users.field.usernameHint')}
            rules={[
              { required: true, message: t('users.invalid.username') },
              schemaRule(usernameSchema, t('users.invalid.username')),
            ]}
          >
            <Input autoComplete="off" data-testid="user-username" />
          </Form.Item>
        )}
        <Form.Item
          name="displayName"
          label={t('users.field.displayName')}
          rules={[
            { required: true, message: t('users.invalid.displayName') },
            schemaRule(displayNameSchema, t('users.invalid.displayName')),
          ]}
        >
          <Input data-testid="user-display-name" />
        </Form.Item>
        <Form.Item
          name="role"
          label={t('users.field.role')}
          rules={[{ required: true, message: t('users.field.role') }]}
        >
          <Select<Role>
            disabled={roleLocked}
            data-testid="user-role"
            options={(roleLocked && user ? [user.role] : roles).map((r) => ({
              value: r,
              label: roleLabels[r][key],
            }))}
          />
        </Form.Item>
        <Form.Item
          name="regionCode"
          label={t('users.field.region')}
          rules={[{ required: true, message: t('users.field.region') }]}
        >
          <RegionSelect
            known={
              user
                ? { code: user.regionCode, name: user.regionName }
                : { code: me.regionCode, name: me.regionName }
            }
            data-testid="user-region"
          />
        </Form.Item>
        <Form.Item name="orgId" label={t('users.field.org')}>
          <OrgSelect data-testid="user-org" />
        </Form.Item>
        {!editing && (
          <Form.Item
            name="password"
            label={t('users.field.password')}
            extra={t('users.field.passwordHint')}
            rules={[
              { required: true, message: t('users.invalid.password') },
              schemaRule(passwordSchema, t('users.invalid.password')),
            ]}
          >
            <Input.Password autoComplete="new-password" data-testid="user-password" />
          </Form.Item>
        )}
        <Form.Item
          name="phone"
          label={t('users.field.phone')}
          rules={[{ pattern: phonePattern, message: t('users.invalid.phone') }]}
        >
          <Input
            inputMode="tel"
            maxLength={13}
            // Editing never shows the stored number: blank keeps it, typing replaces it.
            placeholder={
              editing && user.phoneMasked
                ? t('users.field.phoneKeep', { masked: user.phoneMasked })
                : undefined
            }
            data-testid="user-phone"
          />
        </Form.Item>
        {editing && (
          <Form.Item name="disabled" label={t('users.field.disabled')} valuePropName="checked">
            <Switch disabled={user.id === me.id} data-testid="user-disabled" />
          </Form.Item>
        )}
      </Form>
    </Drawer>
  );
}
