/**
 * 待复查: people who stayed out and are due a re-check this shift (overdue or within 12 h), soonest first.
 * 复查 opens the encounter form for the same person, as the re-check of that encounter.
 */
import { useQuery } from '@tanstack/react-query';
import { type AssistanceCategory, assistanceCategoryLabels } from '@warmline/domain';
import { Button, Card, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { formatTime } from '../../app/format.ts';
import type { Items } from '../../app/types.ts';
import { useNow } from '../../features/dispatch/hooks.ts';
import { mapLinks } from '../../features/dispatch/map-links.ts';
import { useLang } from '../../i18n/index.ts';
import type { FollowUpTarget } from './EncounterForm.tsx';

interface DueEncounter {
  id: string;
  at: string;
  lat: number;
  lng: number;
  category: AssistanceCategory;
  followUpDueAt: string;
  person: { id: string; tempNumber: string; name: string | null };
  clothing: string | null;
}

export function FollowUps({ onRecheck }: { onRecheck: (target: FollowUpTarget) => void }) {
  const { t } = useTranslation();
  const { key } = useLang();
  const now = useNow(30_000);
  const due = useQuery({
    queryKey: ['patrol', 'follow-ups'],
    queryFn: () => api.get<Items<DueEncounter>>('/api/patrol/follow-ups'),
  });
  const items = due.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <section data-testid="follow-ups">
      <Typography.Title level={5}>{t('encounter.followUps', { n: items.length })}</Typography.Title>
      {items.map((e) => {
        const label = e.person.name ?? e.person.tempNumber;
        const overdue = new Date(e.followUpDueAt).getTime() < now.getTime();
        const links = mapLinks(e.lat, e.lng, label);
        return (
          <Card
            key={e.id}
            size="small"
            className="wl-patrol-card"
            data-testid="follow-up"
            data-encounter={e.id}
          >
            <Space direction="vertical" style={{ width: '100%' }}>
              <Space wrap>
                <Typography.Text strong style={{ fontSize: 18 }}>
                  {label}
                </Typography.Text>
                <Tag color={overdue ? 'red' : 'orange'}>
                  {t('encounter.dueAt', { time: formatTime(e.followUpDueAt, 'HH:mm') })}
                </Tag>
                <Tag>{assistanceCategoryLabels[e.category][key]}</Tag>
              </Space>
              <Typography.Text type="secondary">
                {t('encounter.metAt', { time: formatTime(e.at, 'MM-DD HH:mm') })}
                {e.clothing ? ` · ${e.clothing}` : ''}
              </Typography.Text>
              <Space.Compact block>
                <Button size="large" style={{ width: '50%' }} href={links.amap} target="_blank">
                  {t('patrol.navigate')}
                </Button>
                <Button
                  size="large"
                  type="primary"
                  style={{ width: '50%' }}
                  onClick={() => onRecheck({ encounterId: e.id, personId: e.person.id, label })}
                  data-testid="recheck"
                >
                  {t('encounter.recheck')}
                </Button>
              </Space.Compact>
            </Space>
          </Card>
        );
      })}
    </section>
  );
}
