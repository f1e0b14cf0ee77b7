/**
 * The bureau's table from warnings to levels. No national standard fixes it, so each bureau
 * edits its own (the default until then). Conditions are thresholds joined by AND and the
 * highest matching level wins, so the table is monotone by construction; saving reassesses.
 */

import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  type ResponseCondition,
  type ResponseRule,
  responseLevelLabels,
  responseLevels,
  warningColourLabels,
  warningColours,
  warningKindLabels,
  warningKinds,
} from '@warmline/domain';
import { Alert, App, Button, Card, InputNumber, Select, Space, Switch, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { useAuth } from '../../app/auth.tsx';
import { errorText } from '../../app/errors.ts';
import { useResponseTable } from '../../features/response/hooks.ts';
import type { ResponseTable } from '../../features/response/types.ts';
import { useLang } from '../../i18n/index.ts';

type Rule = { level: ResponseRule['level']; when: ResponseCondition[] };

export function TableEditor() {
  const { t } = useTranslation();
  const { key } = useLang();
  const { can } = useAuth();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const table = useResponseTable();
  const [rules, setRules] = useState<Rule[]>([]);
  const [auto, setAuto] = useState(false);
  useEffect(() => {
    if (!table.data) return;
    setRules(table.data.rules.map((r) => ({ level: r.level, when: [...r.when] })));
    setAuto(table.data.autoActivate);
  }, [table.data]);
  const save = useMutation({
    mutationFn: () =>
      api.put<ResponseTable>('/api/response/table', {
        regionCode: table.data!.regionCode,
        rules,
        autoActivate: auto,
      }),
    onSuccess: () => {
      message.success(t('response.table.saved'));
      void queryClient.invalidateQueries({ queryKey: ['response'] });
    },
  });
  const editable = can('response.manage');
  const setRule = (i: number, rule: Rule) => setRules(rules.map((r, j) => (j === i ? rule : r)));
  const kindOpts = warningKinds.map((k) => ({ value: k, label: warningKindLabels[k][key] }));
  const colourOpts = warningColours.map((c) => ({ value: c, label: warningColourLabels[c][key] }));
  return (
    <Card
      size="small"
      title={
        <Space>
          {t('response.table.title')}
          {table.data && (
            <Tag>{t(table.data.custom ? 'response.table.custom' : 'response.table.default')}</Tag>
          )}
        </Space>
      }
      data-testid="response-table"
    >
      <Typography.Paragraph type="secondary">{t('response.table.hint')}</Typography.Paragraph>
      {save.error && (
        <Alert type="error" showIcon message={errorText(save.error, key)} style={{ marginBottom: 8 }} />
      )}
      <Space direction="vertical" style={{ width: '100%' }}>
        {rules.map((rule, i) => (
          <Space
            // biome-ignore lint/suspicious/noArrayIndexKey: a rule has no identity of its own; rows are edited in place
            key={i}
            wrap
            data-testid="table-rule"
            style={{ borderBottom: '1px solid #eef2f7', paddingBottom: 6 }}
          >
            <Select
              disabled={!editable}
              value={rule.level}
              style={{ width: 120 }}
              options={responseLevels.map((l) => ({ value: l, label: responseLevelLabels[l][key] }))}
              onChange={(level) => setRule(i, { ...rule, level })}
            />
            <Typography.Text type="secondary">{t('response.table.when')}</Typography.Text>
            {rule.when.map((c, k) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: nor has a condition
              <Space.Compact key={k}>
                {'forecastAtOrBelowC' in c ? (
                  <InputNumber
                    disabled={!editable}
                    addonBefore="≤"
                    addonAfter="℃"
                    min={-40}
                    max={20}
                    value={c.forecastAtOrBelowC}
                    onChange={(v) =>
                      setRule(i, {
                        ...rule,
                        when: rule.when.map((x, m) => (m === k ? { forecastAtOrBelowC: v ?? 0 } : x)),
                      })
                    }
                  />
                ) : (
                  <>
                    <Select
                      disabled={!editable}
                      value={c.kind}
                      options={kindOpts}
                      style={{ width: 110 }}
                      onChange={(kind) =>
                        setRule(i, { ...rule, when: rule.when.map((x, m) => (m === k ? { ...c, kind } : x)) })
                      }
                    />
                    <Select
                      disabled={!editable}
                      value={c.atLeast}
                      options={colourOpts}
                      style={{ width: 90 }}
                      onChange={(atLeast) =>
                        setRule(i, {
                          ...rule,
                          when: rule.when.map((x, m) => (m === k ? { ...c, atLeast } : x)),
                        })
                      }
                    />
                  </>
                )}
                {editable && (
                  <Button onClick={() => setRule(i, { ...rule, when: rule.when.filter((_, m) => m !== k) })}>
                    ×
                  </Button>
                )}
              </Space.Compact>
            ))}
            {editable && (
              <>
                <Button
                  size="small"
                  onClick={() =>
                    setRule(i, { ...rule, when: [...rule.when, { kind: 'cold_wave', atLeast: 'yellow' }] })
                  }
                >
                  + {t('response.table.warning')}
                </Button>
                <Button
                  size="small"
                  onClick={() => setRule(i, { ...rule, when: [...rule.when, { forecastAtOrBelowC: 0 }] })}
                >
                  + {t('response.table.temperature')}
                </Button>
                <Button size="small" danger onClick={() => setRules(rules.filter((_, j) => j !== i))}>
                  {t('response.table.remove')}
                </Button>
              </>
            )}
          </Space>
        ))}
        {editable && (
          <Space wrap>
            <Button
              onClick={() =>
                setRules([...rules, { level: 'IV', when: [{ kind: 'cold_wave', atLeast: 'yellow' }] }])
              }
            >
              {t('response.table.addRule')}
            </Button>
            <Switch checked={auto} onChange={setAuto} data-testid="table-auto" />
            <span>{t('response.table.auto')}</span>
            <Button
              type="primary"
              loading={save.isPending}
              onClick={() => save.mutate()}
              data-testid="table-save"
            >
              {t('response.table.save')}
            </Button>
          </Space>
        )}
      </Space>
    </Card>
  );
}
