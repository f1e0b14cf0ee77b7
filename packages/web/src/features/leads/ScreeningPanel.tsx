/**
 * How the spam screening is doing this season, read off what dispatchers did with what it
 * screened (GET /api/leads/screening): shown over the quarantine queue, where the reviewing
 * happens, so every restore and every quarantine visibly feeds the figure.
 */
import { useQuery } from '@tanstack/react-query';
import {
  type ScreeningCounts,
  type ScreeningRates,
  SPAM_TARGET_CAUGHT,
  SPAM_TARGET_WRONGED,
  screeningRates,
} from '@warmline/domain';
import { Alert, Card, Col, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { beijingToday, seasonStart } from '../stats/period.ts';

interface Tally extends ScreeningCounts, ScreeningRates {
  model: string | null;
}

const percent = (x: number | null, digits: number) => (x === null ? '—' : `${(x * 100).toFixed(digits)} %`);

export function ScreeningPanel() {
  const { t } = useTranslation();
  const from = seasonStart(beijingToday());
  const tallies = useQuery({
    queryKey: ['leads', 'screening', from],
    queryFn: () => api.get<Tally[]>('/api/leads/screening', { from }),
  });
  if (tallies.isError) return <Alert type="warning" showIcon message={t('screening.unavailable')} />;
  const rows = tallies.data ?? [];
  const sum = rows.reduce<ScreeningCounts>(
    (s, r) => ({
      held: s.held + r.held,
      restored: s.restored + r.restored,
      missed: s.missed + r.missed,
      passed: s.passed + r.passed,
    }),
    { held: 0, restored: 0, missed: 0, passed: 0 },
  );
  const rates = screeningRates(sum);
  const colour = (ok: boolean | null) => (ok === null ? undefined : ok ? '#389e0d' : '#cf1322');
  return (
    <Card
      size="small"
      loading={tallies.isLoading}
      title={t('screening.title', { from })}
      style={{ marginBottom: 16 }}
      data-testid="screening-panel"
    >
      <Row gutter={[16, 8]}>
        <Col xs={12} md={6}>
          <Statistic
            title={t('screening.caught', { target: SPAM_TARGET_CAUGHT * 100 })}
            value={percent(rates.caught, 1)}
            valueStyle={{ color: colour(rates.caught === null ? null : rates.caught >= SPAM_TARGET_CAUGHT) }}
            data-testid="screening-caught"
          />
        </Col>
        <Col xs={12} md={6}>
          <Statistic
            title={t('screening.wronged', { target: SPAM_TARGET_WRONGED * 100 })}
            value={percent(rates.wronged, 2)}
            valueStyle={{
              color: colour(rates.wronged === null ? null : rates.wronged <= SPAM_TARGET_WRONGED),
            }}
            data-testid="screening-wronged"
          />
        </Col>
        <Col xs={12} md={6}>
          <Statistic
            title={t('screening.held')}
            value={sum.held + sum.restored}
            suffix={
              <small data-testid="screening-restored" data-count={sum.restored}>
                {t('screening.restoredOf', { count: sum.restored })}
              </small>
            }
            data-testid="screening-held"
          />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('screening.missed')} value={sum.missed} data-testid="screening-missed" />
        </Col>
      </Row>
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
        {t('screening.how', { model: rows[0]?.model ?? '—' })}
      </Typography.Paragraph>
    </Card>
  );
}
