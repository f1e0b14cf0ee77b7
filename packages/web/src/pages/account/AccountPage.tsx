import { regionLevelLabels, roleLabels } from '@warmline/domain';
import { Card, Col, Descriptions, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth.tsx';
import { useLang } from '../../i18n/index.ts';
import { ChangePasswordCard } from './ChangePasswordCard.tsx';
import { TotpCard } from './TotpCard.tsx';

/** The signed-in person's own account: who they are here, their password, their second factor. */
export function AccountPage() {
  const { me } = useAuth();
  const { t } = useTranslation();
  const { key } = useLang();
  return (
    <Row gutter={[16, 16]} data-testid="account-page">
      <Col xs={24}>
        <Card title={t('account.profile')}>
          <Descriptions
            size="small"
            column={{ xs: 1, md: 2, xl: 3 }}
            items={[
              { key: 'username', label: t('users.col.username'), children: me.username },
              { key: 'name', label: t('users.col.displayName'), children: me.displayName },
              { key: 'role', label: t('users.col.role'), children: roleLabels[me.role][key] },
              { key: 'region', label: t('home.me.jurisdiction'), children: me.regionName },
              { key: 'level', label: t('home.me.level'), children: regionLevelLabels[me.regionLevel][key] },
              { key: 'org', label: t('home.me.org'), children: me.orgName ?? t('common.none') },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <ChangePasswordCard />
      </Col>
      <Col xs={24} lg={12}>
        <TotpCard />
      </Col>
    </Row>
  );
}
