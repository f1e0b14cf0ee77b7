import type { Role } from '@warmline/domain';
import type { ComponentType } from 'react';
import { useAuth } from '../../app/auth.tsx';
import { AdminHome } from './AdminHome.tsx';
import { KeeperHome } from './KeeperHome.tsx';
import { OperationsHome } from './OperationsHome.tsx';
import { PatrolHome } from './PatrolHome.tsx';
import { SupervisorHome } from './SupervisorHome.tsx';

/** Each role lands on the home that fits its work; every card also checks its permission. */
const homes: Record<Role, ComponentType> = {
  system_admin: AdminHome,
  bureau_admin: AdminHome,
  supervisor: SupervisorHome,
  dispatcher: OperationsHome,
  hotline_operator: OperationsHome,
  station_staff: OperationsHome,
  supplies_keeper: OperationsHome,
  shelter_keeper: KeeperHome,
  police_liaison: OperationsHome,
  patrol_member: PatrolHome,
};

export function HomePage() {
  const { me } = useAuth();
  const Home = homes[me.role];
  return <Home />;
}
