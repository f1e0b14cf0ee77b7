import { Col, Row } from 'antd';
import { ComingSoon, HomeHeader, MapCard, MyAccountCard } from './cards.tsx';

/** Patrol members may read regions only: their team and the map of where they patrol. */
export function PatrolHome() {
  return (
    <>
      <HomeHeader />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <MapCard height={440} />
        </Col>
        <Col xs={24} xl={8}>
          <MyAccountCard />
        </Col>
      </Row>
      <ComingSoon />
    </>
  );
}
