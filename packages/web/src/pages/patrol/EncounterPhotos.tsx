/**
 * 拍照 on the encounter form: up to three pictures, shrunk on the phone and kept until the form
 * is saved; then each goes into the outbox after its encounter (sealed like the body).
 */
import { CameraOutlined, DeleteOutlined } from '@ant-design/icons';
import { MAX_LEAD_PHOTOS } from '@warmline/domain';
import { App, Button, Space, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { shrinkPhoto } from '../../features/outbox/photo.ts';

export interface TakenPhoto {
  clientId: string;
  at: string;
  bytes: ArrayBuffer;
  url: string;
}

export function EncounterPhotos({
  photos,
  onChange,
  ofMinor,
}: {
  photos: TakenPhoto[];
  onChange: (photos: TakenPhoto[]) => void;
  ofMinor: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const input = useRef<HTMLInputElement>(null);
  const latest = useRef(photos);
  latest.current = photos;
  // The thumbnails' object URLs go with the form.
  useEffect(
    () => () => {
      for (const p of latest.current) URL.revokeObjectURL(p.url);
    },
    [],
  );

  const add = async (files: FileList | null) => {
    const room = MAX_LEAD_PHOTOS - photos.length;
    const taken: TakenPhoto[] = [];
    for (const file of Array.from(files ?? []).slice(0, room)) {
      try {
        const bytes = await shrinkPhoto(file);
        const url = URL.createObjectURL(new Blob([bytes], { type: 'image/jpeg' }));
        taken.push({ clientId: crypto.randomUUID(), at: new Date().toISOString(), bytes, url });
      } catch {
        message.error(t('encounter.photoFailed'));
      }
    }
    if (input.current) input.current.value = '';
    if (taken.length) onChange([...photos, ...taken]);
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="encounter-photos">
      <Space wrap>
        {photos.map((p) => (
          <div key={p.clientId} className="wl-photo-thumb">
            <img src={p.url} alt="" />
            <Button
              aria-label={t('encounter.photoRemove')}
              icon={<DeleteOutlined />}
              onClick={() => {
                URL.revokeObjectURL(p.url);
                onChange(photos.filter((x) => x !== p));
              }}
            />
          </div>
        ))}
      </Space>
      <input
        ref={input}
        type="file"
        accept="image/*"
        capture="environment"
        multiple
        hidden
        data-testid="photo-input"
        onChange={(e) => void add(e.target.files)}
      />
      <Button
        size="large"
        block
        icon={<CameraOutlined />}
        disabled={photos.length >= MAX_LEAD_PHOTOS}
        onClick={() => input.current?.click()}
      >
        {t('encounter.photo')}（{photos.length}/{MAX_LEAD_PHOTOS}）
      </Button>
      {ofMinor && photos.length > 0 && (
        <Typography.Text type="secondary">{t('encounter.photoMinor')}</Typography.Text>
      )}
    </Space>
  );
}
