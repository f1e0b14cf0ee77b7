import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { OrgKind } from '@warmline/domain';
import { api } from '../../app/api.ts';
import type { Items, Org } from '../../app/types.ts';

export interface OrgFilter {
  q?: string;
  kind?: OrgKind;
  regionCode?: string;
}

/** Organisations in the user's jurisdiction; the live stream invalidates ['orgs'] on change. */
export function useOrgs(filter: OrgFilter = {}, enabled = true) {
  return useQuery({
    queryKey: ['orgs', filter],
    queryFn: () => api.get<Items<Org>>('/api/orgs', { ...filter }),
    placeholderData: keepPreviousData,
    enabled,
  });
}
