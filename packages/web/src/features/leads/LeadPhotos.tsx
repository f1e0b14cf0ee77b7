/**
 * A lead's photos, masked until someone chooses to look: the tiles show nothing of the picture,
 * and opening one fetches it (an audited read on the server, `lead.photo_viewed`) into a blob URL
 * that lives only as long as this component.
 */
import { LockOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { App, Image, Space, Spin, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { errorText } from '../../app/errors.ts';
import type { LeadPhoto } from '../../app/types.ts';
import { useLang } from '../../i18n/index.ts';
import './lead-photos.css';

export function LeadPhotos({ leadId, count }: { leadId: string; count: number }) {
  const { t } = useTranslation();
  const { key } = useLang();
  const { message } = App.useApp();
  const list = useQuery({
    queryKey: ['lead-photos', leadId],
    queryFn: () => api.get<LeadPhoto[]>(`/api/leads/${leadId}/photos`),
  });
  const [shown, setShown] = useState<Record<string, string>>({});
  const [loading, setLoading] = useState<string | null>(null);
  // Blob URLs hold the picture in memory until revoked: let them go with the component.
  const urls = useRef<string[]>([]);
  useEffect(
    () => () => {
      for (const url of urls.current) URL.revokeObjectURL(url);
    },
    [],
  );

  async function open(photo: LeadPhoto): Promise<void> {
    setLoading(photo.id);
    try {
      const url = URL.createObjectURL(await api.blob(`/api/leads/${leadId}/photos/${photo.id}`));
      urls.current.push(url);
      setShown((s) => ({ ...s, [photo.id]: url }));
    } catch (error) {
      void message.error(errorText(error, key));
    } finally {
      setLoading(null);
    }
  }

  const photos = list.data ?? [];
  return (
    <section className="lead-photos" data-testid="lead-photos">
      <Typography.Title level={5}>{t('leadPhotos.title')}</Typography.Title>
      <Space wrap size={12}>
        {Array.from({ length: photos.length || count }, (_, i) => {
          const photo = photos[i];
          const url = photo && shown[photo.id];
          if (url)
            return <Image key={photo.id} src={url} width={128} height={128} data-testid="lead-photo-image" />;
          return (
            <button
              key={photo?.id ?? i}
              type="button"
              className="lead-photo-masked"
              disabled={!photo || loading !== null}
              onClick={() => photo && void open(photo)}
              aria-label={t('leadPhotos.open', { n: i + 1 })}
              data-testid="lead-photo-masked"
            >
              {loading === photo?.id ? <Spin /> : <LockOutlined className="lead-photo-lock" />}
              <span>{loading === photo?.id ? t('leadPhotos.loading') : t('leadPhotos.masked')}</span>
            </button>
          );
        })}
      </Space>
    </section>
  );
}
