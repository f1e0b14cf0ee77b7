/**
 * A return taken out of the system: the Excel workbook a bureau files (title, 填报单位, 填报人,
 * 填报日期, every figure with its unit, the breakdown tables) and a one-page PDF brief for leaders
 * (headline figures and a bar chart). Figures only — no names, no ID numbers, no hidden sheets.
 * exceljs and the CJK font are loaded on the first download, not at start-up.
 */
import { existsSync } from 'node:fs';
import {
  assistanceCategories,
  beijingDate,
  briefHeadlines,
  dimensionValues,
  dimValueLabel,
  dischargeTypes,
  type FigureKey,
  type Figures,
  figureDefinitions,
  figureKeys,
  figureText,
  periodLabel,
  reportBreakdowns,
  submissionStateLabels,
  supplyKinds,
} from '@warmline/domain';
import PDFDocument from 'pdfkit';
import type { Db } from '../../db/pool.ts';
import type { Ctx } from '../../platform/actor.ts';
import { AppError } from '../../platform/errors.ts';
import type { RegionService } from '../regions/region.service.ts';
import { createStatsRepository } from '../stats/stats.repository.ts';
import type { FontConfig } from '../stays/stay-forms.ts';
import type { SubmissionView } from './reports.schema.ts';
import type { ReportsService } from './reports.service.ts';

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** Every value a breakdown prints, in the form's order; provinces only where someone came from. */
function cellsOf(figures: Figures, figure: FigureKey, dim: string): { label: string; value: number }[] {
  const got = figures.breakdowns[figure] ?? {};
  const order: readonly string[] =
    dim === 'type'
      ? dischargeTypes
      : dim === 'category'
        ? assistanceCategories
        : dim === 'kind'
          ? supplyKinds
          : (dimensionValues[dim as keyof typeof dimensionValues] ?? []);
  const keys = dim === 'province' ? order.filter((v) => got[`${dim}:${v}`]) : [...order];
  for (const k of Object.keys(got)) {
    const v = k.slice(dim.length + 1);
    if (k.startsWith(`${dim}:`) && !keys.includes(v)) keys.push(v);
  }
  const cells = keys.map((v) => ({ label: dimValueLabel(`${dim}:${v}`), value: got[`${dim}:${v}`] ?? 0 }));
  // Sex, age band and health give one value per person-time, so the table adds up to the figure;
  // acts recorded without those facts are shown as such rather than left out.
  if (EXCLUSIVE.has(dim)) {
    const rest = (figures.values[figure] ?? 0) - cells.reduce((sum, c) => sum + c.value, 0);
    if (rest > 0) cells.push({ label: '未记录', value: rest });
  }
  return cells;
}
const EXCLUSIVE = new Set(['sex', 'age', 'health', 'province', 'category', 'type']);

const day = (iso: string | null) => (iso ? beijingDate(new Date(iso)) : '');
const stateText = (s: SubmissionView) => `${submissionStateLabels[s.state].zh}（第 ${s.version} 版）`;
/** 填报日期: when it was sent up, else when the draft was made. */
const filedOn = (s: SubmissionView) => day(s.submittedAt ?? s.generatedAt);

export function createReportExport(deps: {
  db: Db;
  reports: Pick<ReportsService, 'forExport'>;
  regions: Pick<RegionService, 'children'>;
  font: FontConfig;
}) {
  const { db, reports, regions, font } = deps;

  async function xlsx(ctx: Ctx, id: string): Promise<{ file: Buffer; name: string }> {
    const s = await reports.forExport(ctx, id, 'xlsx');
    const { default: ExcelJS } = await import('exceljs');
    const book = new ExcelJS.Workbook();
    book.creator = '暖线';
    book.title = s.title;
    book.created = new Date(s.generatedAt);
    const sheet = book.addWorksheet('报表', {
      pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    });
    sheet.columns = [{ width: 8 }, { width: 34 }, { width: 12 }, { width: 14 }];
    const thin = { style: 'thin' as const };
    const border = { top: thin, left: thin, bottom: thin, right: thin };
    const line = (
      values: (string | number)[],
      opts: { bold?: boolean; table?: boolean; merge?: boolean } = {},
    ) => {
      const row = sheet.addRow(values);
      if (opts.merge) sheet.mergeCells(row.number, 1, row.number, 4);
      row.eachCell((c) => {
        c.font = { name: '宋体', size: 11, bold: opts.bold ?? false };
        c.alignment = { vertical: 'middle', wrapText: true };
        if (opts.table) c.border = border;
      });
      return row;
    };
    const title = line([s.title], { merge: true, bold: true });
    title.height = 32;
    title.getCell(1).font = { name: '宋体', size: 16, bold: true };
    title.getCell(1).alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    line([`填报单位：${s.reportingUnit}`], { merge: true });
    line([`地区：${s.regionName}（${s.regionCode}）`], { merge: true });
    line([`报送期：${periodLabel(s.period)}（${s.from} 至 ${s.to}），报送截止 ${s.dueOn}`], { merge: true });
    line([`填报人：${s.filledBy ?? ''}`, '', `填报日期：${filedOn(s)}`, ''], {});
    sheet.mergeCells(sheet.lastRow!.number, 1, sheet.lastRow!.number, 2);
    sheet.mergeCells(sheet.lastRow!.number, 3, sheet.lastRow!.number, 4);
    line([`状态：${stateText(s)}`], { merge: true });
    sheet.addRow([]);
    line([`${NUMERALS[0]}、主要指标`], { merge: true, bold: true });
    line(['序号', '指标', '单位', '数值'], { bold: true, table: true });
    for (const [i, k] of figureKeys.entries()) {
      const d = figureDefinitions[k];
      const v = s.figures.values[k];
      const row = line([i + 1, d.zh, d.unit.zh, v ?? '—'], { table: true });
      row.getCell(4).alignment = { horizontal: 'right', vertical: 'middle' };
    }
    for (const [i, b] of reportBreakdowns.entries()) {
      sheet.addRow([]);
      const d = figureDefinitions[b.figure];
      line([`${NUMERALS[i + 1]}、${b.title}`], { merge: true, bold: true });
      line(['序号', '类别', '单位', '数值'], { bold: true, table: true });
      const cells = cellsOf(s.figures as Figures, b.figure, b.dim);
      if (!cells.length) line(['', '（无）', d.unit.zh, 0], { table: true });
      for (const [j, c] of cells.entries()) {
        const row = line([j + 1, c.label, d.unit.zh, c.value], { table: true });
        row.getCell(4).alignment = { horizontal: 'right', vertical: 'middle' };
      }
    }
    sheet.addRow([]);
    line([`备注：${s.remarks ?? '无'}`], { merge: true });
    line(
      [
        `数据来源：暖线平台据业务记录自动生成（${day(s.generatedAt)} 快照）；特殊群体可重叠，不与合计相加；救助人数为去重人数，下级之和可大于上级。`,
      ],
      { merge: true },
    ).height = 36;
    // The definitions on a sheet of their own, visible, for whoever checks the numbers.
    const help = book.addWorksheet('指标说明');
    help.columns = [
      { header: '指标', width: 24 },
      { header: '单位', width: 10 },
      { header: '统计口径', width: 90 },
    ];
    help.getRow(1).font = { bold: true };
    for (const k of figureKeys) {
      const d = figureDefinitions[k];
      help.addRow([d.zh, d.unit.zh, d.definition.zh]).alignment = { wrapText: true, vertical: 'top' };
    }
    return { file: Buffer.from(await book.xlsx.writeBuffer()), name: `${s.title}.xlsx` };
  }

  /** The chart's bars: the children's 救助人次 for a city or province, else the days of the period. */
  async function bars(ctx: Ctx, s: SubmissionView) {
    const period = { from: s.from, to: s.to };
    const stats = createStatsRepository(db);
    const kids = (await regions.children(ctx.actor, s.regionCode)).filter((k) => k.level !== 'township');
    if (kids.length) {
      const rows = await stats.figures({ regions: kids.map((k) => k.code), period, headlineOnly: true });
      return {
        title: '各下级地区救助人次（人次，当前数据）',
        items: kids.map((k) => ({
          label: k.name,
          value: rows.find((r) => r.regionCode === k.code)?.figures.values.assisted ?? 0,
        })),
      };
    }
    const rows = await stats.figures({ regions: [s.regionCode], period, byDay: true, headlineOnly: true });
    const items: { label: string; value: number }[] = [];
    for (let t = Date.parse(s.from); t <= Date.parse(s.to); t += 86_400_000) {
      const d = new Date(t).toISOString().slice(0, 10);
      items.push({ label: d.slice(5), value: rows.find((r) => r.day === d)?.figures.values.assisted ?? 0 });
    }
    return { title: '每日救助人次（人次，当前数据）', items };
  }

  async function pdf(ctx: Ctx, id: string): Promise<{ file: Buffer; name: string }> {
    if (!existsSync(font.path)) throw new AppError('PDF_FONT_MISSING', { path: font.path });
    const s = await reports.forExport(ctx, id, 'pdf');
    const chart = await bars(ctx, s);
    const title = `${s.regionName}${periodLabel(s.period)}寒冬送温暖专项救助工作简报`;
    const doc = new PDFDocument({
      size: 'A4',
      margin: 50,
      info: { Title: title, Author: s.reportingUnit, Creator: '暖线 Warmline' },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
    if (font.path.endsWith('.ttc')) doc.registerFont('cjk', font.path, font.name);
    else doc.registerFont('cjk', font.path);
    doc.font('cjk');
    const left = doc.page.margins.left;
    const width = doc.page.width - left - doc.page.margins.right;
    doc.fontSize(17).text(title, left, 50, { width, align: 'center' });
    doc
      .moveDown(0.4)
      .fontSize(10)
      .fillColor('#555')
      .text(`${s.reportingUnit} · ${s.from} 至 ${s.to} · ${stateText(s)}`, { width, align: 'center' })
      .fillColor('black');

    // The headline figures, four to a row.
    const top = doc.y + 18;
    const cols = 4;
    const boxW = width / cols;
    const boxH = 62;
    for (const [i, k] of briefHeadlines.entries()) {
      const x = left + (i % cols) * boxW;
      const y = top + Math.floor(i / cols) * (boxH + 8);
      doc.roundedRect(x + 3, y, boxW - 6, boxH, 4).fillAndStroke('#f3f6fb', '#c9d4e5');
      const d = figureDefinitions[k];
      doc
        .fillColor('#1d3f72')
        .fontSize(20)
        .text(figureText(s.figures as Figures, k), x + 3, y + 8, { width: boxW - 6, align: 'center' });
      doc
        .fillColor('#333')
        .fontSize(9)
        .text(`${d.zh}（${d.unit.zh}）`, x + 3, y + 38, { width: boxW - 6, align: 'center' });
    }
    doc.fillColor('black');
    const rows = Math.ceil(briefHeadlines.length / cols);

    // The bar chart.
    const chartTop = top + rows * (boxH + 8) + 18;
    doc.fontSize(12).text(chart.title, left, chartTop, { width });
    const plotTop = chartTop + 24;
    const plotH = 220;
    const plotLeft = left + 28;
    const plotW = width - 28;
    const max = Math.max(1, ...chart.items.map((b) => b.value));
    const step = niceStep(max);
    const top5 = Math.ceil(max / step) * step;
    doc.fontSize(8).fillColor('#666');
    for (let v = 0; v <= top5; v += step) {
      const y = plotTop + plotH - (v / top5) * plotH;
      doc
        .moveTo(plotLeft, y)
        .lineTo(plotLeft + plotW, y)
        .lineWidth(0.4)
        .strokeColor('#dddddd')
        .stroke();
      doc.text(String(v), left, y - 4, { width: 24, align: 'right' });
    }
    const n = Math.max(1, chart.items.length);
    const slot = plotW / n;
    const barW = Math.max(1.5, Math.min(36, slot * 0.65));
    const labelEvery = Math.ceil(n / 16);
    for (const [i, b] of chart.items.entries()) {
      const h = (b.value / top5) * plotH;
      const x = plotLeft + i * slot + (slot - barW) / 2;
      if (h > 0) doc.rect(x, plotTop + plotH - h, barW, h).fill('#3a6fb5');
      if (n <= 16 && b.value > 0)
        doc
          .fillColor('#222')
          .fontSize(8)
          .text(String(b.value), x - 10, plotTop + plotH - h - 11, { width: barW + 20, align: 'center' });
      if (i % labelEvery === 0)
        doc
          .fillColor('#444')
          .fontSize(n <= 12 ? 8 : 7)
          .text(b.label, plotLeft + i * slot - 6, plotTop + plotH + 4, {
            width: slot * labelEvery + 12,
            align: 'center',
          });
    }
    doc
      .moveTo(plotLeft, plotTop + plotH)
      .lineTo(plotLeft + plotW, plotTop + plotH)
      .strokeColor('#888')
      .stroke();
    doc.fillColor('black');

    // What the bureau wrote, and where the numbers come from.
    let y = plotTop + plotH + 30;
    doc.fontSize(10).text(`备注：${s.remarks ?? '无'}`, left, y, { width, lineGap: 3 });
    y = doc.y + 8;
    doc
      .fontSize(9)
      .fillColor('#555')
      .text(
        `填报人：${s.filledBy ?? '—'}　填报日期：${filedOn(s)}　数据来源：暖线平台据业务记录自动生成（${day(s.generatedAt)} 快照）；图表为当前数据。`,
        left,
        y,
        { width, lineGap: 2 },
      );
    if (s.changes.length && s.state === 'approved')
      doc.text(`审核通过后业务记录有 ${s.changes.length} 处更正，报表数据保持审核时的快照。`, { width });
    doc.end();
    return { file: await done, name: `${title}.pdf` };
  }

  return { xlsx, pdf };
}

/** 1, 2, 5 × 10ⁿ: about five gridlines whatever the largest bar. */
function niceStep(max: number): number {
  const raw = max / 5;
  const p = 10 ** Math.floor(Math.log10(raw || 1));
  const m = raw / p;
  return Math.max(1, (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p);
}

export type ReportExport = ReturnType<typeof createReportExport>;
