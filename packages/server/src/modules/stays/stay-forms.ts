/**
 * The station's printed forms, in Chinese, laid out here (the 规程 names the forms and their
 * items, not a layout): 求助登记表, 自行离站声明书, 在站服务及离站登记表. pdfkit embeds only the
 * glyphs used from the CJK font (PDF_FONT_PATH, Debian's fonts-noto-cjk by default), so a form is
 * tens of KB. Identity numbers are printed masked, as everywhere else.
 */
import { existsSync } from 'node:fs';
import {
  arrivalKindLabels,
  careKindLabels,
  type DischargeDetail,
  dischargeDetailLabels,
  dischargeTypeLabels,
  fiveBasics,
  triageFactLabels,
} from '@warmline/domain';
import PDFDocument from 'pdfkit';
import { AppError } from '../../platform/errors.ts';
import type { StayDetail } from './stay.schema.ts';

export const stayForms = ['registration', 'self_departure', 'service'] as const;
export type StayForm = (typeof stayForms)[number];

export const stayFormTitles: Record<StayForm, string> = {
  registration: '求助登记表',
  self_departure: '自行离站声明书',
  service: '在站服务及离站登记表',
};

export interface FontConfig {
  path: string;
  name: string;
}

const beijing = (iso: string | null) =>
  iso
    ? new Intl.DateTimeFormat('zh-CN', {
        timeZone: 'Asia/Shanghai',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        hour12: false,
      }).format(new Date(iso))
    : '—';
const sexZh = { male: '男', female: '女', unknown: '不详' } as const;
const yes = (b: boolean) => (b ? '是' : '否');

type Row = [string, string];

/** A form: title, station, then rows of label | value in a ruled table, then signature lines. */
function render(
  font: FontConfig,
  title: string,
  station: string,
  rows: Row[],
  paragraphs: string[],
  signatures: string[],
): Promise<Buffer> {
  if (!existsSync(font.path)) throw new AppError('PDF_FONT_MISSING', { path: font.path });
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    info: { Title: title, Author: station, Creator: '暖线 Warmline' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  if (font.path.endsWith('.ttc')) doc.registerFont('cjk', font.path, font.name);
  else doc.registerFont('cjk', font.path);
  doc.font('cjk');
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  doc.fontSize(18).text(title, { align: 'center' });
  doc.moveDown(0.3).fontSize(10).fillColor('#444').text(station, { align: 'center' }).fillColor('black');
  doc.moveDown(1);
  const labelWidth = 120;
  doc.fontSize(11);
  for (const [label, value] of rows) {
    const h =
      Math.max(
        12,
        doc.heightOfString(label, { width: labelWidth - 12 }),
        doc.heightOfString(value || '—', { width: width - labelWidth - 12 }),
      ) + 10;
    if (doc.y + h > doc.page.height - doc.page.margins.bottom - 80) doc.addPage();
    const y = doc.y;
    doc.rect(left, y, labelWidth, h).fillAndStroke('#f2f2f2', '#888').fillColor('black');
    doc.rect(left + labelWidth, y, width - labelWidth, h).stroke('#888');
    doc.text(label, left + 6, y + 5, { width: labelWidth - 12 });
    doc.text(value || '—', left + labelWidth + 6, y + 5, { width: width - labelWidth - 12 });
    doc.x = left;
    doc.y = y + h;
  }
  doc.moveDown(1);
  for (const p of paragraphs) doc.text(p, left, doc.y, { width, lineGap: 4 }).moveDown(0.6);
  doc.moveDown(1.5);
  for (const s of signatures)
    doc.text(`${s}：________________    日期：______年____月____日`, left, doc.y).moveDown(1.2);
  doc.end();
  return done;
}

const identity = (s: StayDetail): Row[] => [
  ['临时编号', s.person.tempNumber],
  ['姓名', s.person.name ?? '身份不明'],
  ['性别 / 年龄', `${sexZh[s.sex]} / ${s.age ?? '不详'}${s.age !== null ? ' 岁' : ''}`],
  ['身份证号', s.person.residentId ?? '—'],
];

export async function stayFormPdf(form: StayForm, s: StayDetail, font: FontConfig): Promise<Buffer> {
  const title = stayFormTitles[form];
  const held = s.belongings
    .filter((b) => b.state !== 'refused')
    .map((b) => `${b.item} × ${b.quantity}`)
    .join('；');
  const refused = s.belongings
    .filter((b) => b.state === 'refused')
    .map((b) => `${b.item} × ${b.quantity}`)
    .join('；');
  if (form === 'registration')
    return render(
      font,
      title,
      s.orgName,
      [
        ...identity(s),
        ['来站方式', arrivalKindLabels[s.arrivalKind].zh],
        ['到站时间', beijing(s.arrivedAt)],
        ['求助原因', s.reasonForHelp ?? ''],
        ['入站分诊', s.triage.facts.map((f) => triageFactLabels[f].zh).join('、') || '无异常'],
        ['残疾 / 精神或智力障碍', `${yes(s.disabled)} / ${yes(s.impaired)}`],
        ['身份不明（先救助后查明）', yes(s.identityUnknown)],
        ['已拍照 / 已采集指纹', `${yes(s.photoTaken)} / ${yes(s.fingerprintTaken)}`],
        ['代为保管物品', held ? `${held}（保管单号 ${s.receiptNumber ?? ''}）` : '无'],
        ['拒绝带入物品', refused || '无'],
        ['床位', s.bed ? `${s.bed.zoneName} ${s.bed.label}` : '未分配'],
      ],
      ['以上情况属实。受助期间遵守救助管理机构的规章制度。'],
      ['求助人（签字或捺印）', '登记人'],
    );
  if (form === 'self_departure')
    return render(
      font,
      title,
      s.orgName,
      identity(s),
      [
        `本人于 ${beijing(s.admittedAt ?? s.arrivedAt)} 进入${s.orgName}接受救助，现自愿离开，放弃继续接受救助。离站后本人的人身和财产安全由本人负责。`,
        `站方已返还代为保管的物品：${held || '无'}。`,
      ],
      ['声明人（签字或捺印）', '经办人'],
    );
  const done = new Set(s.basicsDone);
  const firstAt = (kind: string) => s.care.filter((c) => c.kind === kind).at(-1)?.at ?? null;
  const count = (kind: string) => s.care.filter((c) => c.kind === kind).length;
  const details = s.dischargeDetails
    ? Object.entries(s.dischargeDetails)
        .map(
          ([k, v]) =>
            `${dischargeDetailLabels[k as DischargeDetail]?.zh ?? k}：${Array.isArray(v) ? v.join('、') : v === true ? '是' : String(v)}`,
        )
        .join('；')
    : '';
  return render(
    font,
    title,
    s.orgName,
    [
      ...identity(s),
      ['入站时间', beijing(s.admittedAt)],
      ['床位', s.bed ? `${s.bed.zoneName} ${s.bed.label}` : '—'],
      ...fiveBasics.map(
        (k): Row => [careKindLabels[k].zh, done.has(k) ? `已完成（${beijing(firstAt(k))}）` : '未完成'],
      ),
      ['用餐 / 健康观察', `${count('meal')} 次 / ${count('health_check')} 次`],
      [
        '突发情况',
        s.care
          .filter((c) => c.kind === 'incident')
          .map((c) => c.note ?? '')
          .join('；') || '无',
      ],
      ['延期审批', s.extensions.map((e) => `延长 ${e.days} 天：${e.reason}`).join('；') || '无'],
      ['离站时间', beijing(s.dischargedAt)],
      ['离站方式', s.dischargeType ? dischargeTypeLabels[s.dischargeType].zh : '在站'],
      ['离站情况', details],
    ],
    [],
    ['受助人 / 接领人（签字）', '经办人'],
  );
}
