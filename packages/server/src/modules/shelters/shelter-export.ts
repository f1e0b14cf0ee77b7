import {
  describeHours,
  shelterHostKindLabels,
  shelterKindLabels,
  shelterServiceLabels,
  shelterStatusLabels,
} from '@warmline/domain';
import type { Db } from '../../db/pool.ts';
import type { Actor } from '../../platform/actor.ts';
import type { Clock } from '../../platform/clock.ts';
import { createRegionRepository } from '../regions/region.repository.ts';
import type { ShelterView } from './shelter.schema.ts';
import type { ShelterService } from './shelter.service.ts';
import { hsdsDirectory } from './shelter-hsds.ts';

/** The workbook's columns: a Chinese header a bureau recognises, and how to read each place. */
const columns: { header: string; width: number; value: (s: ShelterView) => string | number }[] = [
  { header: '场所名称', width: 30, value: (s) => s.name },
  { header: '场所类型', width: 14, value: (s) => shelterKindLabels[s.kind].zh },
  { header: '承办单位类型', width: 16, value: (s) => shelterHostKindLabels[s.hostKind].zh },
  { header: '承办单位', width: 26, value: (s) => s.hostName ?? s.orgName ?? '' },
  { header: '所在区县', width: 14, value: (s) => s.regionName },
  { header: '地址', width: 36, value: (s) => s.address },
  { header: '纬度（WGS-84）', width: 14, value: (s) => s.lat },
  { header: '经度（WGS-84）', width: 14, value: (s) => s.lng },
  { header: '开放时间', width: 22, value: (s) => describeHours(s.hours) },
  { header: '日间容量（座位）', width: 16, value: (s) => s.capacityDay },
  { header: '夜间容量（床位）', width: 16, value: (s) => s.capacityNight },
  { header: '当前在场人数', width: 14, value: (s) => s.occupancy },
  { header: '状态', width: 10, value: (s) => shelterStatusLabels[s.status].zh },
  {
    header: '服务内容',
    width: 30,
    value: (s) => s.services.map((x) => shelterServiceLabels[x].zh).join('、'),
  },
  { header: '求助电话', width: 16, value: (s) => s.publicPhone ?? '' },
  { header: '负责人', width: 10, value: (s) => s.contactName ?? '' },
  { header: '负责人电话', width: 16, value: (s) => s.contactPhone ?? '' },
  { header: '场所管理员', width: 18, value: (s) => s.keepers.map((k) => k.displayName).join('、') },
  { header: '人数更新时间', width: 20, value: (s) => (s.occupancyAt ? shanghaiTime(s.occupancyAt) : '') },
];

/** 2026-12-15 21:05, Beijing time, whatever the server's zone. */
function shanghaiTime(iso: string): string {
  return new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** The directory for other systems (HSDS JSON) and for people (Excel), both the caller's jurisdiction. */
export function createShelterExport(deps: { db: Db; clock: Clock; shelters: Pick<ShelterService, 'list'> }) {
  const regions = createRegionRepository(deps.db);
  return {
    async hsds(actor: Actor) {
      const { items } = await deps.shelters.list(actor);
      const codes = new Set(
        items.flatMap((s) => [
          s.regionCode.slice(0, 6),
          `${s.regionCode.slice(0, 4)}00`,
          `${s.regionCode.slice(0, 2)}0000`,
        ]),
      );
      const names = new Map((await regions.findMany([...codes])).map((r) => [r.code, r.name]));
      return hsdsDirectory(items, (code) => names.get(code) ?? null, deps.clock.now());
    },

    async xlsx(actor: Actor): Promise<Buffer> {
      const { items } = await deps.shelters.list(actor);
      // exceljs is big and only the download needs it: loaded then, not at start-up.
      const { default: ExcelJS } = await import('exceljs');
      const book = new ExcelJS.Workbook();
      book.creator = '暖线';
      book.created = deps.clock.now();
      const sheet = book.addWorksheet('避寒场所名录', { views: [{ state: 'frozen', ySplit: 1 }] });
      sheet.columns = columns.map((c) => ({ header: c.header, width: c.width }));
      sheet.getRow(1).font = { bold: true };
      for (const s of items) sheet.addRow(columns.map((c) => c.value(s)));
      return Buffer.from(await book.xlsx.writeBuffer());
    },
  };
}
export type ShelterExport = ReturnType<typeof createShelterExport>;
