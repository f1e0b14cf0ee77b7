/**
 * Pick a region inside the user's jurisdiction. With nothing typed it offers the jurisdiction
 * and its children (GET /api/regions); typing searches by name (?q=). The server only ever
 * returns regions the user may use, so the picker cannot offer an out-of-scope choice.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { regionLevelLabels } from '@warmline/domain';
import { Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import type { Items, Region } from '../../app/types.ts';
import { useLang } from '../../i18n/index.ts';

interface RegionSelectProps {
  value?: string;
  onChange?: (code: string | undefined) => void;
  /** A region whose name is already known (e.g. the edited row's), saving a lookup. */
  known?: { code: string; name: string };
  placeholder?: string;
  allowClear?: boolean;
  style?: React.CSSProperties;
  'data-testid'?: string;
}

export function useRegion(code: string | undefined, enabled = true) {
  return useQuery({
    queryKey: ['regions', 'one', code],
    queryFn: () => api.get<Region & { path: Region[] }>(`/api/regions/${code}`),
    enabled: Boolean(code) && enabled,
    staleTime: 10 * 60_000,
  });
}

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

export function RegionSelect({
  value,
  onChange,
  known,
  placeholder,
  allowClear,
  style,
  ...rest
}: RegionSelectProps) {
  const { t } = useTranslation();
  const { key } = useLang();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 250);
  const list = useQuery({
    queryKey: ['regions', 'search', q],
    queryFn: () => api.get<Items<Region>>('/api/regions', q ? { q, limit: 30 } : { limit: 100 }),
    placeholderData: keepPreviousData,
    staleTime: 10 * 60_000,
  });
  // Names of regions picked from a search, which the unsearched list may not contain.
  const [picked, setPicked] = useState<Record<string, Region>>({});
  const items = list.data?.items ?? [];
  const listed = !value || items.some((r) => r.code === value);
  const knownName = value
    ? (picked[value]?.name ?? (known?.code === value ? known.name : undefined))
    : undefined;
  const current = useRegion(value, !listed && !knownName);
  const extra =
    value && !listed
      ? [
          {
            value,
            label: knownName ?? current.data?.name ?? value,
            level: picked[value]?.level ?? current.data?.level,
          },
        ]
      : [];

  return (
    <Select<string>
      value={value}
      onChange={(code) => {
        const region = items.find((r) => r.code === code);
        if (region) setPicked((p) => ({ ...p, [region.code]: region }));
        onChange?.(code);
      }}
      allowClear={allowClear}
      placeholder={placeholder ?? t('regions.placeholder')}
      style={{ minWidth: 180, ...style }}
      loading={list.isFetching}
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
      onOpenChange={(open) => {
        if (!open) setSearch('');
      }}
      notFoundContent={list.isFetching ? t('common.loading') : t('regions.none')}
      data-testid={rest['data-testid']}
      options={[...extra, ...items.map((r) => ({ value: r.code, label: r.name, level: r.level }))].map(
        (o) => ({
          value: o.value,
          label: o.label,
          title: o.label,
          'data-level': o.level,
        }),
      )}
      optionRender={(option) => (
        <span style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
          <span>{option.label}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {option.data['data-level']
              ? regionLevelLabels[option.data['data-level'] as Region['level']][key]
              : ''}{' '}
            {option.value}
          </Typography.Text>
        </span>
      )}
    />
  );
}
