/** Supplies data; every key starts with 'supplies', which the live stream marks stale on any change. */
import { useQuery } from '@tanstack/react-query';
import type { SupplyPlaceKind } from '@warmline/domain';
import { api } from '../../app/api.ts';
import type { Items } from '../../app/types.ts';
import type {
  Donation,
  LedgerEntry,
  StockRow,
  SupplyAlerts,
  SupplyItem,
  SupplyPlace,
  SupplyTeam,
} from './types.ts';

export const useSupplyItems = () =>
  useQuery({
    queryKey: ['supplies', 'items'],
    queryFn: () => api.get<Items<SupplyItem>>('/api/supplies/items'),
  });

export const useSupplyPlaces = () =>
  useQuery({
    queryKey: ['supplies', 'places'],
    queryFn: () => api.get<Items<SupplyPlace>>('/api/supplies/places'),
  });

export const useStock = (kind?: SupplyPlaceKind) =>
  useQuery({
    queryKey: ['supplies', 'stock', kind ?? 'all'],
    queryFn: () => api.get<Items<StockRow>>('/api/supplies/stock', { kind }),
  });

export const usePlaceStock = (placeId: string | null) =>
  useQuery({
    queryKey: ['supplies', 'stock', 'place', placeId],
    queryFn: () => api.get<Items<StockRow>>('/api/supplies/stock', { placeId }),
    enabled: placeId !== null,
  });

export const useSupplyAlerts = () =>
  useQuery({
    queryKey: ['supplies', 'alerts'],
    queryFn: () => api.get<SupplyAlerts>('/api/supplies/alerts'),
  });

export const useLedger = (placeId: string | null) =>
  useQuery({
    queryKey: ['supplies', 'ledger', placeId],
    queryFn: () => api.get<Items<LedgerEntry>>(`/api/supplies/places/${placeId}/movements`),
    enabled: placeId !== null,
  });

export const useDonations = () =>
  useQuery({
    queryKey: ['supplies', 'donations'],
    queryFn: () => api.get<Items<Donation>>('/api/supplies/donations'),
  });

export const useSupplyTeams = (enabled = true) =>
  useQuery({
    queryKey: ['supplies', 'teams'],
    queryFn: () => api.get<Items<SupplyTeam>>('/api/supplies/teams'),
    enabled,
  });
