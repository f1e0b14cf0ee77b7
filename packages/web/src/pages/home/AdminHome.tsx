import { Col, Row } from 'antd';
import { ActivityCard, HomeHeader, MapCard, OrgsCard, StatsRow, TotpAdvice } from './cards.tsx';

/** System and bureau admins: the state of their jurisdiction's accounts and organisations. */
export function AdminHome() {
  return (
    <>
      <HomeHeader />
      <TotpAdvice />
      <StatsRow />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <MapCard height={420} />
        </Col>
        <Col xs={24} xl={10}>
          <ActivityCard />
        </Col>
        <Col xs={24}>
          <OrgsCard />
        </Col>
      </Row>
    </>
  );
}
