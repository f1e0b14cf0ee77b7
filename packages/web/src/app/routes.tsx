/**
 * The route table: each page is its own lazy chunk, so a screen never pays for another's
 * libraries (the map's Leaflet, the admin tables). The menu is derived from this table and
 * the user's permissions, so nobody sees an entry the API would refuse.
 */
import {
  AimOutlined,
  AlertOutlined,
  AuditOutlined,
  CalendarOutlined,
  CarOutlined,
  ClusterOutlined,
  DashboardOutlined,
  EnvironmentOutlined,
  FileDoneOutlined,
  FireOutlined,
  FlagOutlined,
  FundOutlined,
  GiftOutlined,
  HomeOutlined,
  IdcardOutlined,
  PhoneOutlined,
  SafetyCertificateOutlined,
  TeamOutlined,
  ThunderboltOutlined,
  UsergroupAddOutlined,
  UserSwitchOutlined,
} from '@ant-design/icons';
import type { Permission } from '@warmline/domain';
import { type ComponentType, type LazyExoticComponent, lazy, type ReactNode } from 'react';

export type MenuKey =
  | 'home'
  | 'command'
  | 'patrol'
  | 'teams'
  | 'hotspots'
  | 'duty'
  | 'shelters'
  | 'shelterKeeper'
  | 'persons'
  | 'station'
  | 'supplies'
  | 'reports'
  | 'stats'
  | 'response'
  | 'weather'
  | 'hotline'
  | 'leads'
  | 'sentinels'
  | 'users'
  | 'orgs'
  | 'events'
  | 'account';

export interface PageRoute {
  path: string;
  menu: MenuKey;
  icon: ReactNode;
  /** Needed to see the page; omitted means every signed-in user. */
  permission?: Permission;
  Page: LazyExoticComponent<ComponentType>;
}

/** React.lazy wants a default export; our modules export named components. */
export function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}

export const pageRoutes: PageRoute[] = [
  {
    path: '/',
    menu: 'home',
    icon: <DashboardOutlined />,
    Page: page(() => import('../pages/home/HomePage.tsx'), 'HomePage'),
  },
  {
    path: '/command',
    menu: 'command',
    icon: <AimOutlined />,
    permission: 'dispatch.manage',
    Page: page(() => import('../pages/command/CommandPage.tsx'), 'CommandPage'),
  },
  {
    path: '/response',
    menu: 'response',
    icon: <ThunderboltOutlined />,
    permission: 'response.read',
    Page: page(() => import('../pages/response/ResponsePage.tsx'), 'ResponsePage'),
  },
  {
    path: '/patrol',
    menu: 'patrol',
    icon: <CarOutlined />,
    permission: 'dispatch.work',
    Page: page(() => import('../pages/patrol/PatrolPage.tsx'), 'PatrolPage'),
  },
  {
    path: '/hotline',
    menu: 'hotline',
    icon: <PhoneOutlined />,
    permission: 'lead.create',
    Page: page(() => import('../pages/hotline/HotlinePage.tsx'), 'HotlinePage'),
  },
  {
    path: '/leads',
    menu: 'leads',
    icon: <AlertOutlined />,
    permission: 'lead.read',
    Page: page(() => import('../pages/leads/LeadsPage.tsx'), 'LeadsPage'),
  },
  {
    path: '/teams',
    menu: 'teams',
    icon: <UsergroupAddOutlined />,
    permission: 'team.read',
    Page: page(() => import('../pages/teams/TeamsPage.tsx'), 'TeamsPage'),
  },
  {
    path: '/persons',
    menu: 'persons',
    icon: <IdcardOutlined />,
    permission: 'encounter.read',
    Page: page(() => import('../pages/persons/PersonsPage.tsx'), 'PersonsPage'),
  },
  {
    path: '/station',
    menu: 'station',
    icon: <HomeOutlined />,
    permission: 'stay.read',
    Page: page(() => import('../pages/station/StationPage.tsx'), 'StationPage'),
  },
  {
    path: '/hotspots',
    menu: 'hotspots',
    icon: <EnvironmentOutlined />,
    permission: 'hotspot.read',
    Page: page(() => import('../pages/hotspots/HotspotsPage.tsx'), 'HotspotsPage'),
  },
  {
    path: '/duty',
    menu: 'duty',
    icon: <CalendarOutlined />,
    permission: 'duty.read',
    Page: page(() => import('../pages/duty/DutyPage.tsx'), 'DutyPage'),
  },
  {
    path: '/supplies',
    menu: 'supplies',
    icon: <GiftOutlined />,
    permission: 'supply.read',
    Page: page(() => import('../pages/supplies/SuppliesPage.tsx'), 'SuppliesPage'),
  },
  {
    path: '/reports',
    menu: 'reports',
    icon: <FileDoneOutlined />,
    permission: 'stats.read',
    Page: page(() => import('../pages/reports/ReportsPage.tsx'), 'ReportsPage'),
  },
  {
    // Not /shelters: that is the public finder's page.
    path: '/shelter-network',
    menu: 'shelters',
    icon: <FireOutlined />,
    permission: 'shelter.read',
    Page: page(() => import('../pages/shelters/ShelterNetworkPage.tsx'), 'ShelterNetworkPage'),
  },
  {
    path: '/shelter-keeper',
    menu: 'shelterKeeper',
    icon: <UserSwitchOutlined />,
    permission: 'shelter.keep',
    Page: page(() => import('../pages/shelters/KeeperPage.tsx'), 'KeeperPage'),
  },
  {
    path: '/stats',
    menu: 'stats',
    icon: <FundOutlined />,
    permission: 'stats.read',
    Page: page(() => import('../pages/stats/StatsPage.tsx'), 'StatsPage'),
  },
  {
    path: '/weather',
    menu: 'weather',
    icon: <ThunderboltOutlined />,
    permission: 'weather.read',
    Page: page(() => import('../pages/weather/WeatherPage.tsx'), 'WeatherPage'),
  },
  {
    path: '/sentinels',
    menu: 'sentinels',
    icon: <FlagOutlined />,
    permission: 'sentinel.read',
    Page: page(() => import('../pages/sentinels/SentinelsPage.tsx'), 'SentinelsPage'),
  },
  {
    path: '/admin/users',
    menu: 'users',
    icon: <TeamOutlined />,
    permission: 'user.read',
    Page: page(() => import('../pages/admin/users/UsersPage.tsx'), 'UsersPage'),
  },
  {
    path: '/admin/orgs',
    menu: 'orgs',
    icon: <ClusterOutlined />,
    permission: 'org.read',
    Page: page(() => import('../pages/admin/orgs/OrgsPage.tsx'), 'OrgsPage'),
  },
  {
    path: '/admin/events',
    menu: 'events',
    icon: <AuditOutlined />,
    permission: 'event.read',
    Page: page(() => import('../pages/admin/events/EventsPage.tsx'), 'EventsPage'),
  },
  {
    path: '/account',
    menu: 'account',
    icon: <SafetyCertificateOutlined />,
    Page: page(() => import('../pages/account/AccountPage.tsx'), 'AccountPage'),
  },
];

export const LoginPage = page(() => import('../pages/login/LoginPage.tsx'), 'LoginPage');
export const NotFoundPage = page(() => import('../pages/NotFoundPage.tsx'), 'NotFoundPage');
