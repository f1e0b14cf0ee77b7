/**
 * ECharts, core plus only what the dashboard draws (line, bar, map; grid, tooltip, legend,
 * visual map; canvas), registered once when the dashboard's chunk loads — the rest of ECharts
 * never reaches the browser.
 */
import { BarChart, LineChart, MapChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([
  LineChart,
  BarChart,
  MapChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  VisualMapComponent,
  CanvasRenderer,
]);

/** The government-report palette: winter blues with the product's warm accent. */
export const chartColors = ['#1d5fa8', '#e8792b', '#3f8f6b', '#8a5bb8', '#c0504d', '#5b8fc7', '#9c7a3c'];
export const choroplethRange = ['#e8f0fa', '#9fbfe0', '#4d86c4', '#1d5fa8', '#0f2f52'];

export { echarts };
