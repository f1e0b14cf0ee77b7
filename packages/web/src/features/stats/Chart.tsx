/** One ECharts chart on the dashboard: the core build (see echarts.ts), resized with its card. */
import type { EChartsOption } from 'echarts';
import EChartsReactCore from 'echarts-for-react/esm/core';
import { echarts } from './echarts.ts';

export interface ChartClick {
  name: string;
  seriesName?: string;
  dataIndex: number;
  value?: unknown;
  data?: unknown;
}

export function Chart({
  option,
  height,
  onClick,
  'data-testid': testId,
}: {
  option: EChartsOption;
  height: number;
  onClick?: (params: ChartClick) => void;
  'data-testid'?: string;
}) {
  return (
    <div data-testid={testId}>
      <EChartsReactCore
        echarts={echarts}
        option={option}
        notMerge
        lazyUpdate
        style={{ height, width: '100%' }}
        onEvents={onClick ? { click: onClick } : {}}
      />
    </div>
  );
}
