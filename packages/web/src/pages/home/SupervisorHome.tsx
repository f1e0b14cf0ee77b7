import { Col, Row } from 'antd';
import { ActivityCard, HomeHeader, MapCard, OrgsCard, StatsRow } from './cards.tsx';

/** Supervisors read everything and change nothing: the record of actions comes first. */
export function SupervisorHome() {
  return (
    <>
      <HomeHeader />
      <StatsRow />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <ActivityCard />
        </Col>
        <Col xs={24} xl={12}>
          <MapCard height={420} />
        </Col>
        <Col xs={24}>
          <OrgsCard />
        </Col>
      </Row>
    </>
  );
}
