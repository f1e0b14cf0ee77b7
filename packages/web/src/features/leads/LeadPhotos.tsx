/** A lead's photos from the public, masked until opened (`lead.photo_viewed` on the server). */
import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import type { LeadPhoto } from '../../app/types.ts';
import { MaskedPhotos } from './MaskedPhotos.tsx';

export function LeadPhotos({ leadId, count }: { leadId: string; count: number }) {
  const list = useQuery({
    queryKey: ['lead-photos', leadId],
    queryFn: () => api.get<LeadPhoto[]>(`/api/leads/${leadId}/photos`),
  });
  return (
    <MaskedPhotos
      photos={list.data}
      count={count}
      fetchPhoto={(photo) => api.blob(`/api/leads/${leadId}/photos/${photo.id}`)}
      testId="lead-photos"
      tileTestId="lead-photo"
    />
  );
}

/** An encounter's photos from the street; a minor's open only with a stated reason. */
export function EncounterPhotoTiles({ encounterId, count }: { encounterId: string; count: number }) {
  const list = useQuery({
    queryKey: ['encounter-photos', encounterId],
    queryFn: () =>
      api.get<{ items: { id: string; ofMinor: boolean }[] }>(`/api/encounters/${encounterId}/photos`),
  });
  return (
    <MaskedPhotos
      photos={list.data?.items}
      count={count}
      fetchPhoto={(photo, reason) =>
        api.blob(
          `/api/encounters/${encounterId}/photos/${photo.id}${reason ? `?reason=${encodeURIComponent(reason)}` : ''}`,
        )
      }
      testId="encounter-photos-staff"
      tileTestId="encounter-photo"
    />
  );
}
