/** 床位: each station's zones with their beds, taken ones marked; a taken bed opens its stay. */
import { zoneKindLabels } from '@warmline/domain';
import { Card, Progress, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n/index.ts';
import type { BedBoard as Board } from './types.ts';

export function BedBoard({ board, onOpen }: { board: Board; onOpen: (stayId: string) => void }) {
  const { t } = useTranslation();
  const { key } = useLang();
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="bed-board">
      {board.stations.map((st) => (
        <Card key={st.id} title={st.name} size="small">
          <Space direction="vertical" style={{ width: '100%' }}>
            {st.zones.map((z) => (
              <div key={z.id} data-testid="zone" data-zone={z.kind}>
                <Space>
                  <Typography.Text strong>{z.name}</Typography.Text>
                  {z.name !== zoneKindLabels[z.kind][key] && (
                    <Typography.Text type="secondary">{zoneKindLabels[z.kind][key]}</Typography.Text>
                  )}
                  <Typography.Text>
                    {t('station.zoneBeds', { occupied: z.occupied, capacity: z.capacity })}
                  </Typography.Text>
                </Space>
                <Progress
                  percent={z.capacity ? Math.round((100 * z.occupied) / z.capacity) : 0}
                  size="small"
                  showInfo={false}
                />
                <Space wrap size={4}>
                  {z.beds.map((b) =>
                    b.stayId ? (
                      <Tag
                        key={b.id}
                        color="blue"
                        style={{ cursor: 'pointer' }}
                        onClick={() => onOpen(b.stayId!)}
                      >
                        {b.label}
                      </Tag>
                    ) : (
                      <Tag key={b.id} data-taken="false">
                        {b.label}
                      </Tag>
                    ),
                  )}
                </Space>
              </div>
            ))}
          </Space>
        </Card>
      ))}
    </Space>
  );
}
