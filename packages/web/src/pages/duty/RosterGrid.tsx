/** The week grid: days across, 领导带班 and the slots down; gaps still to come in red (缺岗). */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { dayjs } from '../../app/format.ts';
import { gridCells, gridRows, isOpenGap, LEADER, rangeDays } from '../../features/duty/grid.ts';
import type { DutyAssignment, Roster } from '../../features/duty/types.ts';

interface Props {
  roster: Roster;
  today: string;
  onAssign: (day: string, slot: string) => void;
  onRemove: (a: DutyAssignment) => void;
}

export function RosterGrid({ roster, today, onAssign, onRemove }: Props) {
  const { t } = useTranslation();
  const cells = gridCells(roster);
  const now = new Date();
  const slotLabel = (code: string) => {
    if (code === LEADER) return t('duty.leader');
    const s = roster.slots.find((x) => x.code === code);
    return s ? t('duty.slot', { start: s.start, end: s.end }) : code;
  };

  const columns: TableColumnsType<{ slot: string }> = [
    {
      key: 'slot',
      title: '',
      width: 120,
      fixed: 'left',
      render: (_, row) => <Typography.Text strong>{slotLabel(row.slot)}</Typography.Text>,
    },
    ...rangeDays(roster.from, roster.to).map((day) => ({
      key: day,
      title: (
        <span style={day === today ? { color: '#1677ff' } : undefined}>
          {dayjs(day).format('MM-DD ddd')}
          {day === today ? ` · ${t('duty.today')}` : ''}
        </span>
      ),
      render: (_: unknown, row: { slot: string }) => {
        const cell = cells.get(`${day}|${row.slot}`);
        const gap = isOpenGap(cell?.gap ?? null, now);
        const editable = roster.canManage && day >= today;
        return (
          <div
            data-testid={`duty-cell-${day}-${row.slot}`}
            style={{ minHeight: 40, ...(gap ? { background: '#fff1f0', borderRadius: 6, padding: 4 } : {}) }}
          >
            <Space size={[4, 4]} wrap>
              {cell?.people.map((a) =>
                editable ? (
                  <Popconfirm
                    key={a.id}
                    title={t('duty.removeConfirm', { name: a.displayName })}
                    onConfirm={() => onRemove(a)}
                  >
                    <Tag closable onClose={(e) => e.preventDefault()} style={{ cursor: 'pointer' }}>
                      {a.displayName}
                    </Tag>
                  </Popconfirm>
                ) : (
                  <Tag key={a.id} title={a.note ?? undefined}>
                    {a.displayName}
                  </Tag>
                ),
              )}
              {gap && (
                <Tag color="red" data-testid="duty-gap">
                  {t('duty.gap')}
                </Tag>
              )}
              {editable && (
                <Button
                  size="small"
                  type="dashed"
                  icon={<PlusOutlined />}
                  aria-label={t('duty.assign')}
                  data-testid={`duty-assign-${day}-${row.slot}`}
                  onClick={() => onAssign(day, row.slot)}
                />
              )}
            </Space>
          </div>
        );
      },
    })),
  ];

  return (
    <Table
      rowKey="slot"
      size="small"
      bordered
      pagination={false}
      scroll={{ x: 1000 }}
      columns={columns}
      dataSource={gridRows(roster).map((slot) => ({ slot }))}
      data-testid="duty-grid"
    />
  );
}
