import { Spin } from 'antd';
import { lazy, Suspense } from 'react';
import { HomeHeader } from './cards.tsx';

const KeeperPanel = lazy(async () => ({ default: (await import('../shelters/KeeperPage.tsx')).KeeperPanel }));

/** A 场所管理员 opens the app at the door of their place: the count is the whole job. */
export function KeeperHome() {
  return (
    <>
      <HomeHeader />
      <Suspense fallback={<Spin style={{ margin: 48 }} />}>
        <KeeperPanel />
      </Suspense>
    </>
  );
}
