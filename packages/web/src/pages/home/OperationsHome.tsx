import { Col, Row } from 'antd';
import { ComingSoon, HomeHeader, MapCard, MyAccountCard, OrgsCard } from './cards.tsx';

/** Dispatchers, hotline, station, supplies and police staff: where things are in the jurisdiction. */
export function OperationsHome() {
  return (
    <>
      <HomeHeader />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <MapCard height={400} />
        </Col>
        <Col xs={24} xl={8}>
          <MyAccountCard />
        </Col>
        <Col xs={24}>
          <OrgsCard limit={12} />
        </Col>
      </Row>
      <ComingSoon />
    </>
  );
}
