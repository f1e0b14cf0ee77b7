/**
 * Photos masked until someone chooses to look: the tiles show nothing of the picture, and opening
 * one fetches it (an audited read on the server) into a blob URL that lives only as long as this
 * component. A minor's photo asks for the reason first; the server keeps it in the audit event.
 */
import { LockOutlined } from '@ant-design/icons';
import { App, Image, Input, Modal, Space, Spin, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../app/errors.ts';
import { useLang } from '../../i18n/index.ts';
import './masked-photos.css';

export interface MaskedPhoto {
  id: string;
  ofMinor?: boolean;
}

export function MaskedPhotos({
  photos,
  count,
  fetchPhoto,
  testId,
  tileTestId,
}: {
  /** Undefined while the list loads: `count` masked tiles are shown meanwhile. */
  photos: MaskedPhoto[] | undefined;
  count: number;
  fetchPhoto: (photo: MaskedPhoto, reason?: string) => Promise<Blob>;
  testId: string;
  /** Test ids of the tiles: `<tileTestId>-masked` and `<tileTestId>-image`. */
  tileTestId: string;
}) {
  const { t } = useTranslation();
  const { key } = useLang();
  const { message } = App.useApp();
  const [shown, setShown] = useState<Record<string, string>>({});
  const [loading, setLoading] = useState<string | null>(null);
  const [asking, setAsking] = useState<MaskedPhoto | null>(null);
  const [reason, setReason] = useState('');
  // Blob URLs hold the picture in memory until revoked: let them go with the component.
  const urls = useRef<string[]>([]);
  useEffect(
    () => () => {
      for (const url of urls.current) URL.revokeObjectURL(url);
    },
    [],
  );

  async function open(photo: MaskedPhoto, why?: string): Promise<void> {
    setLoading(photo.id);
    try {
      const url = URL.createObjectURL(await fetchPhoto(photo, why));
      urls.current.push(url);
      setShown((s) => ({ ...s, [photo.id]: url }));
    } catch (error) {
      void message.error(errorText(error, key));
    } finally {
      setLoading(null);
    }
  }

  const list = photos ?? [];
  return (
    <section className="lead-photos" data-testid={testId}>
      <Typography.Title level={5}>{t('leadPhotos.title')}</Typography.Title>
      <Space wrap size={12}>
        {Array.from({ length: list.length || count }, (_, i) => {
          const photo = list[i];
          const url = photo && shown[photo.id];
          if (url)
            return (
              <Image key={photo.id} src={url} width={128} height={128} data-testid={`${tileTestId}-image`} />
            );
          return (
            <button
              key={photo?.id ?? i}
              type="button"
              className="lead-photo-masked"
              disabled={!photo || loading !== null}
              onClick={() => photo && (photo.ofMinor ? setAsking(photo) : void open(photo))}
              aria-label={t('leadPhotos.open', { n: i + 1 })}
              data-testid={`${tileTestId}-masked`}
              data-minor={photo?.ofMinor ? 'true' : undefined}
            >
              {loading === photo?.id ? <Spin /> : <LockOutlined className="lead-photo-lock" />}
              <span>
                {loading === photo?.id
                  ? t('leadPhotos.loading')
                  : photo?.ofMinor
                    ? t('leadPhotos.minor')
                    : t('leadPhotos.masked')}
              </span>
            </button>
          );
        })}
      </Space>
      <Modal
        open={asking !== null}
        title={t('leadPhotos.reasonTitle')}
        okButtonProps={{ disabled: reason.trim().length < 2 }}
        onCancel={() => setAsking(null)}
        onOk={() => {
          if (asking) void open(asking, reason.trim());
          setAsking(null);
          setReason('');
        }}
        destroyOnHidden
      >
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary">{t('leadPhotos.reasonHint')}</Typography.Text>
          <Input
            placeholder={t('leadPhotos.reason')}
            value={reason}
            maxLength={200}
            onChange={(e) => setReason(e.target.value)}
            data-testid="photo-reason"
          />
        </Space>
      </Modal>
    </section>
  );
}
