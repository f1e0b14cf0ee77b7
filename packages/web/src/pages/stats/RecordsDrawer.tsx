/**
 * The records behind one number (GET /api/stats/records): exactly the events the figure counts,
 * newest first, paged — the day, the region, the act, the person's temporary number (never a
 * name) and the facts it was counted by — each linked to the screen that holds it.
 */
import { figureDefinitions, provinces, supplyKindLabels } from '@warmline/domain';
import { Drawer, Table, Tag, Typography } from 'antd';
import type { i18n as I18n } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorText } from '../../app/errors.ts';
import { usePageAllowed } from '../../app/page-access.tsx';
import { actionLabel } from '../../features/events/labels.ts';
import { useStatsRecords } from '../../features/stats/hooks.ts';
import { dimLabel, figureName, formatFigure } from '../../features/stats/labels.ts';
import type { DrillTarget, StatsRecord } from '../../features/stats/types.ts';
import { type LabelKey, useLang } from '../../i18n/index.ts';

const PAGE_SIZE = 20;

/** Where a record lives: the screen and, where that screen opens one record, which. */
export function recordLink(r: StatsRecord): string | null {
  switch (r.entityType) {
    case 'encounter':
      return r.personId ? `/persons?person=${r.personId}` : '/persons';
    case 'stay':
      return `/station?stay=${r.entityId}`;
    case 'lead':
      return `/command?lead=${r.entityId}`;
    case 'shift':
      return '/teams';
    case 'supply_movement':
      return '/supplies';
    case 'shelter':
      return `/shelter-network?shelter=${r.entityId}`;
    default:
      return null;
  }
}

export function RecordsDrawer({ target, onClose }: { target: DrillTarget | null; onClose: () => void }) {
  const { key } = useLang();
  const [page, setPage] = useState(1);
  const [shown, setShown] = useState<DrillTarget | null>(target);
  // A new number starts on the first page.
  if (target && target !== shown) {
    setShown(target);
    setPage(1);
  }
  const query = target
    ? { region: target.region.code, from: target.from, to: target.to, figure: target.figure, dim: target.dim }
    : null;
  const records = useStatsRecords(query, page, PAGE_SIZE);
  const t0 = target ?? shown;
  return (
    <Drawer
      open={target !== null}
      onClose={onClose}
      size={1040}
      destroyOnHidden
      title={t0 ? <DrawerTitle target={t0} /> : null}
      data-testid="stats-records"
    >
      {t0 && (
        <RecordsBody
          target={t0}
          total={records.data?.total}
          items={records.data?.items ?? []}
          loading={records.isFetching}
          error={records.isError ? errorText(records.error, key) : null}
          page={page}
          onPage={setPage}
        />
      )}
    </Drawer>
  );
}

function DrawerTitle({ target }: { target: DrillTarget }) {
  const { t, i18n } = useTranslation();
  const { key } = useLang();
  const name = figureName(target.figure, key);
  return (
    <div>
      <div data-testid="records-title">
        {t('stats.records.title', {
          figure: target.dim ? `${name} · ${dimLabel(i18n, key, target.dim)}` : name,
        })}
      </div>
      <Typography.Text type="secondary" style={{ fontSize: 13, fontWeight: 400 }}>
        {t('stats.records.scope', {
          region: target.region.name || target.region.code,
          from: target.from,
          to: target.to,
        })}
      </Typography.Text>
    </div>
  );
}

function RecordsBody({
  target,
  total,
  items,
  loading,
  error,
  page,
  onPage,
}: {
  target: DrillTarget;
  total: number | undefined;
  items: StatsRecord[];
  loading: boolean;
  error: string | null;
  page: number;
  onPage: (p: number) => void;
}) {
  const { t, i18n } = useTranslation();
  const { key } = useLang();
  const allowed = usePageAllowed();
  const def = figureDefinitions[target.figure];
  const summed = def.kind === 'sum';
  return (
    <>
      <div className="wl-records-summary">
        <Typography.Text strong data-testid="records-total" data-total={total ?? ''}>
          {total === undefined ? '…' : t('stats.records.total', { count: total })}
        </Typography.Text>
        {def.kind === 'distinct' && !target.dim && (
          <Typography.Text type="secondary">
            {t('stats.records.distinctNote', { value: formatFigure(target.value) })}
          </Typography.Text>
        )}
        {def.kind === 'median' && (
          <Typography.Text type="secondary">
            {t('stats.records.medianNote', { value: formatFigure(target.value) })}
          </Typography.Text>
        )}
        <Typography.Text type="secondary">{t('stats.records.noName')}</Typography.Text>
      </div>
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
      <Table<StatsRecord>
        rowKey="eventId"
        size="small"
        loading={loading}
        dataSource={items}
        locale={{ emptyText: t('stats.records.empty') }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: total ?? 0,
          showSizeChanger: false,
          onChange: onPage,
          showTotal: (n) => t('common.total', { count: n }),
        }}
        onRow={() => ({ 'data-testid': 'stats-record' }) as never}
        scroll={{ x: 900 }}
        columns={[
          { title: t('stats.records.day'), dataIndex: 'day', width: 104 },
          {
            title: t('stats.records.region'),
            key: 'region',
            width: 110,
            render: (_, r) => r.regionName ?? r.regionCode,
          },
          {
            title: t('stats.records.action'),
            key: 'action',
            width: 150,
            render: (_, r) => actionLabel(key, r.action),
          },
          {
            title: t('stats.records.person'),
            key: 'person',
            width: 170,
            render: (_, r) =>
              r.personNumber ? (
                <Typography.Text code data-testid="record-person">
                  {r.personNumber}
                </Typography.Text>
              ) : (
                '—'
              ),
          },
          {
            title: t('stats.records.facts'),
            key: 'facts',
            render: (_, r) => (
              <span className="wl-facts">
                {factTags(i18n, key, r.facts).map((f) => (
                  <Tag key={f} bordered={false}>
                    {f}
                  </Tag>
                ))}
              </span>
            ),
          },
          ...(summed
            ? [
                {
                  title: t('stats.records.value'),
                  key: 'value',
                  width: 80,
                  align: 'right' as const,
                  render: (_: unknown, r: StatsRecord) => formatFigure(r.value),
                },
              ]
            : []),
          {
            title: t('common.actions'),
            key: 'open',
            width: 72,
            fixed: 'right' as const,
            render: (_, r) => {
              const to = recordLink(r);
              return to && allowed(to) ? (
                <Link to={to} data-testid="record-open">
                  {t('stats.records.open')}
                </Link>
              ) : null;
            },
          },
        ]}
      />
    </>
  );
}

/** The facts a record was counted by, as short tags: 男 · 16–59 岁 · 湖南 · 棉衣 ×2 … */
function factTags(i18n: I18n, key: LabelKey, facts: Record<string, unknown>): string[] {
  const t = i18n.t.bind(i18n);
  const out: string[] = [];
  const dim = (name: string, v: unknown) => {
    if (typeof v === 'string' && v) out.push(dimLabel(i18n, key, `${name}:${v}`));
  };
  dim('sex', facts.sex);
  dim('age', facts.ageGroup);
  dim('health', facts.health);
  if (typeof facts.homeProvince === 'string') out.push(provinces[facts.homeProvince] ?? facts.homeProvince);
  if (Array.isArray(facts.groups)) for (const g of facts.groups) dim('group', g);
  dim('category', facts.category);
  dim('source', facts.source);
  dim('type', facts.type);
  dim('kind', facts.shelterKind);
  if (facts.arrivalKind === 'handover') out.push(t('stats.records.arrivalHandover'));
  if (facts.byKind && typeof facts.byKind === 'object')
    for (const [k, n] of Object.entries(facts.byKind as Record<string, unknown>))
      out.push(`${supplyKindLabels[k as keyof typeof supplyKindLabels]?.[key] ?? k} ×${String(n)}`);
  if (typeof facts.staffTrips === 'number') out.push(t('stats.records.staffTrips', { n: facts.staffTrips }));
  if (typeof facts.vehicleTrips === 'number')
    out.push(t('stats.records.vehicleTrips', { n: facts.vehicleTrips }));
  if (typeof facts.minutesFromLead === 'number')
    out.push(t('stats.records.minutes', { n: facts.minutesFromLead }));
  return out;
}
