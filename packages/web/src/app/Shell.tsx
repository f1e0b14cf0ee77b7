/**
 * The signed-in frame: a side menu filtered by permissions, a header with who and where the
 * user is, the live-connection light, the notification bell (通知), language and logout. On phones the sider collapses
 * to nothing and opens over the page.
 */
import { LogoutOutlined, MenuFoldOutlined, MenuUnfoldOutlined, UserOutlined } from '@ant-design/icons';
import { roleLabels } from '@warmline/domain';
import { Badge, Button, Dropdown, Grid, Layout, Menu, Space, Spin, Tooltip, Typography } from 'antd';
import { Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { NotificationBell } from '../features/notifications/NotificationBell.tsx';
import { setOutboxUser } from '../features/outbox/outbox.ts';
import { flushOutbox, startOutboxSender } from '../features/outbox/sender.ts';
import { ResponseBanner } from '../features/response/ResponseBanner.tsx';
import { useLang } from '../i18n/index.ts';
import { useAuth, useLogout } from './auth.tsx';
import { BrandMark } from './Brand.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { type LiveStatus, useLiveUpdates } from './live.ts';
import { pageRoutes } from './routes.tsx';
import { colors } from './theme.ts';

const liveBadge: Record<LiveStatus, 'success' | 'processing' | 'error'> = {
  open: 'success',
  connecting: 'processing',
  closed: 'error',
};

export function Shell() {
  const { me, can } = useAuth();
  const { t } = useTranslation();
  const { key } = useLang();
  const navigate = useNavigate();
  const location = useLocation();
  const logout = useLogout();
  const screens = Grid.useBreakpoint();
  const isPhone = !screens.md;
  const [collapsed, setCollapsed] = useState<boolean | null>(null);
  // Until the person toggles it, the sider follows the screen: open on desktop, shut on phones.
  const siderCollapsed = collapsed ?? isPhone;
  const live = useLiveUpdates(true);
  // A patrol member's queued records go as soon as the app starts, whichever page opens first.
  const patrols = can('dispatch.work');
  // During render, not in an effect: the pages below read the outbox in their own effects,
  // which run before this component's.
  setOutboxUser(me.id);
  useEffect(() => {
    if (!patrols) return;
    setOutboxUser(me.id); // a new sign-in on this phone sends that person's records now
    startOutboxSender();
    void flushOutbox(true);
  }, [patrols, me.id]);

  const items = pageRoutes
    .filter((r) => !r.permission || can(r.permission))
    .map((r) => ({
      key: r.path,
      icon: r.icon,
      label: t(`shell.menu.${r.menu}`),
      'data-testid': `menu-${r.menu}`,
    }));
  const selected = pageRoutes
    .map((r) => r.path)
    .filter((p) => (p === '/' ? location.pathname === '/' : location.pathname.startsWith(p)))
    .slice(-1);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider
        width={220}
        collapsible
        collapsed={siderCollapsed}
        collapsedWidth={isPhone ? 0 : 64}
        trigger={null}
        style={{
          borderRight: '1px solid #e6edf5',
          ...(isPhone ? { position: 'fixed', zIndex: 20, height: '100vh', left: 0, top: 0 } : {}),
        }}
        data-testid="sider"
      >
        <div style={{ display: 'flex', alignItems: 'center', gap: 10, height: 56, padding: '0 16px' }}>
          <BrandMark size={28} />
          {!siderCollapsed && (
            <Typography.Text strong style={{ fontSize: 18, color: colors.navy, whiteSpace: 'nowrap' }}>
              {t('app.name')}
            </Typography.Text>
          )}
        </div>
        <Menu
          mode="inline"
          selectedKeys={selected}
          items={items}
          style={{ borderInlineEnd: 'none' }}
          onClick={({ key: path }) => {
            navigate(path);
            if (isPhone) setCollapsed(true);
          }}
          data-testid="side-menu"
        />
      </Layout.Sider>
      {isPhone && !siderCollapsed && (
        // Tapping beside the open menu closes it, as on any phone.
        <div
          aria-hidden="true"
          onClick={() => setCollapsed(true)}
          style={{ position: 'fixed', inset: 0, background: 'rgba(15,47,82,.35)', zIndex: 15 }}
        />
      )}
      <Layout>
        <Layout.Header
          style={{
            display: 'flex',
            alignItems: 'center',
            gap: 12,
            borderBottom: '1px solid #e6edf5',
            position: 'sticky',
            top: 0,
            zIndex: 10,
          }}
        >
          <Button
            type="text"
            aria-label={t('shell.toggleMenu')}
            icon={siderCollapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
            onClick={() => setCollapsed(!siderCollapsed)}
            data-testid="menu-toggle"
          />
          <Typography.Text
            type="secondary"
            ellipsis
            style={{ flex: 1, minWidth: 0 }}
            data-testid="header-jurisdiction"
          >
            {isPhone ? me.regionName : t('shell.jurisdiction', { name: me.regionName })}
          </Typography.Text>
          <Tooltip title={t(`shell.live.${live}`)}>
            <span data-testid="live-indicator" data-status={live} style={{ display: 'inline-flex' }}>
              <Badge status={liveBadge[live]} text={isPhone ? undefined : t('shell.live.short')} />
            </span>
          </Tooltip>
          <NotificationBell />
          {!isPhone && <LanguageSwitch />}
          <Dropdown
            trigger={['click']}
            menu={{
              items: [
                { key: 'role', label: roleLabels[me.role][key], disabled: true },
                ...(isPhone ? [{ key: 'lang', label: <LanguageSwitch /> }] : []),
                { key: 'account', icon: <UserOutlined />, label: t('shell.menu.account') },
                { type: 'divider' as const },
                { key: 'logout', icon: <LogoutOutlined />, label: t('shell.logout'), danger: true },
              ],
              onClick: async ({ key: action }) => {
                if (action === 'account') navigate('/account');
                if (action === 'logout') await logout();
              },
            }}
          >
            <Button type="text" data-testid="user-menu" style={{ paddingInline: 8 }}>
              <Space size={6}>
                <UserOutlined />
                <span data-testid="header-display-name">{me.displayName}</span>
                {!isPhone && (
                  <Typography.Text type="secondary" data-testid="header-role">
                    {roleLabels[me.role][key]}
                  </Typography.Text>
                )}
              </Space>
            </Button>
          </Dropdown>
        </Layout.Header>
        <ResponseBanner />
        <Layout.Content style={{ padding: isPhone ? 12 : 24 }}>
          <Suspense fallback={<Spin style={{ display: 'block', margin: '80px auto' }} />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
