/**
 * A list screen's layout: the map (lazy, with its legend) beside the table — side by side on a
 * wide screen, the map above on a phone. Hotspots and shelters both use it.
 */
import { Card, Col, Grid, Row, Spin } from 'antd';
import { lazy, type ReactNode, Suspense } from 'react';
import type { MapPoint } from './RegionMap.tsx';

const RegionMap = lazy(() => import('./RegionMap.tsx'));

export function MapBeside(props: {
  regionCode: string;
  points: MapPoint[];
  onSelect: (id: string) => void;
  legend: ReactNode;
  children: ReactNode;
}) {
  const screens = Grid.useBreakpoint();
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xxl={9}>
        <Card size="small" styles={{ body: { padding: 0 } }}>
          <Suspense fallback={<Spin style={{ margin: 48 }} />}>
            <RegionMap
              regionCode={props.regionCode}
              points={props.points}
              height={screens.xxl ? 560 : screens.md ? 380 : 260}
              onSelect={props.onSelect}
              fitPoints
            />
          </Suspense>
          {props.legend}
        </Card>
      </Col>
      <Col xs={24} xxl={15}>
        {props.children}
      </Col>
    </Row>
  );
}

/** The other records of the screen as grey dots on a form's picking map (so none is made twice). */
export function contextPoints(records: { id: string; name: string; lat: number; lng: number }[]): MapPoint[] {
  return records.map((r) => ({
    id: r.id,
    name: r.name,
    lat: r.lat,
    lng: r.lng,
    color: '#8c8c8c',
    radius: 5,
  }));
}
