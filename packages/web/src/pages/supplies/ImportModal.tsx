/**
 * Excel 导入: the opening stock list as a workbook. The server checks every row first; one bad
 * row imports nothing, and the table below lists each problem by row and column to fix in the
 * file. The template lists the places and items to choose from.
 */
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Table, Typography, Upload } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../app/api.ts';
import type { ImportRowError } from '../../features/supplies/types.ts';
import { useLang } from '../../i18n/index.ts';
import { refusalText, useSupplyMutation } from './mutation.ts';
import { SupplyModal } from './SupplyModal.tsx';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function ImportModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { key } = useLang();
  const [file, setFile] = useState<File | null>(null);
  // A new file is a new import; the same file sent twice (a retry) is stored once.
  const clientId = useMemo(() => (file ? crypto.randomUUID() : null), [file]);
  const send = useSupplyMutation(
    (f: File) =>
      api.upload<{ rows: number; totalQuantity: number }>(
        `/api/supplies/import?clientId=${clientId}`,
        f,
        XLSX,
      ),
    (out) => t('supplies.import.imported', { rows: out.rows, total: out.totalQuantity }),
    onClose,
  );
  const errors =
    send.error instanceof ApiError && send.error.code === 'IMPORT_ROWS_INVALID'
      ? ((send.error.details as { errors?: ImportRowError[] })?.errors ?? [])
      : [];
  return (
    <SupplyModal
      title={t('supplies.import.title')}
      testId="import-submit"
      width={720}
      onClose={onClose}
      onAction={() => file && send.mutate(file)}
      busy={send.isPending}
      actionLabel={t('supplies.import.submit')}
      actionDisabled={!file}
      error={null}
    >
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('supplies.import.hint')}
        </Typography.Paragraph>
        <Space wrap>
          <Button
            icon={<DownloadOutlined />}
            href="/api/supplies/import-template"
            data-testid="import-template"
          >
            {t('supplies.import.template')}
          </Button>
          <Upload
            accept=".xlsx"
            maxCount={1}
            beforeUpload={(f) => {
              setFile(f);
              send.reset();
              return false;
            }}
            onRemove={() => setFile(null)}
            data-testid="import-file"
          >
            <Button icon={<UploadOutlined />}>{t('supplies.import.choose')}</Button>
          </Upload>
        </Space>
        {send.error && errors.length === 0 && (
          <Alert type="error" showIcon title={refusalText(send.error, key)} data-testid="import-error" />
        )}
        {errors.length > 0 && (
          <>
            <Alert
              type="error"
              showIcon
              title={t('supplies.import.errors', { count: errors.length })}
              data-testid="import-error"
            />
            <Table<ImportRowError>
              size="small"
              rowKey={(e) => `${e.row}-${e.column}-${e.code}`}
              dataSource={errors}
              pagination={errors.length > 10 ? { pageSize: 10 } : false}
              columns={[
                { title: t('supplies.import.row'), dataIndex: 'row', width: 70 },
                {
                  title: t('supplies.import.column'),
                  dataIndex: 'column',
                  width: 90,
                  render: (c: string | null) => c ?? '—',
                },
                { title: t('supplies.import.message'), dataIndex: 'message' },
              ]}
              onRow={(e) =>
                ({ 'data-testid': 'import-error-row', 'data-row': e.row, 'data-code': e.code }) as object
              }
            />
          </>
        )}
      </Space>
    </SupplyModal>
  );
}
