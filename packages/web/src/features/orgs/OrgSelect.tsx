import { orgKindLabels } from '@warmline/domain';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n/index.ts';
import { useOrgs } from './useOrgs.ts';

interface OrgSelectProps {
  value?: string | null;
  onChange?: (id: string | null) => void;
  'data-testid'?: string;
}

/** Choose an organisation of the jurisdiction; searching filters the loaded list by name. */
export function OrgSelect({ value, onChange, ...rest }: OrgSelectProps) {
  const { t } = useTranslation();
  const { key } = useLang();
  const orgs = useOrgs();
  return (
    <Select<string>
      value={value ?? undefined}
      onChange={(id) => onChange?.(id ?? null)}
      allowClear
      loading={orgs.isFetching}
      placeholder={t('orgs.selectPlaceholder')}
      showSearch={{ optionFilterProp: 'label' }}
      data-testid={rest['data-testid']}
      options={(orgs.data?.items ?? []).map((o) => ({
        value: o.id,
        label: `${o.name}（${orgKindLabels[o.kind][key]} · ${o.regionName}）`,
      }))}
    />
  );
}
