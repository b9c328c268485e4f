import type { EntitySchema } from '../meta/entity.ts';
import { type EntityMeta, entityRegistry } from '../meta/field-meta.ts';
import * as canBo from './can-bo.ts';
import * as coSoVatChat from './co-so-vat-chat.ts';
import * as danhGiaHocSinh from './danh-gia-hoc-sinh.ts';
import * as eqms from './eqms.ts';
import * as hocSinh from './hoc-sinh.ts';
import * as ketQuaHocTap from './ket-qua-hoc-tap.ts';
import * as lop from './lop.ts';
import * as suKienTrangThai from './su-kien-trang-thai.ts';
import * as taiChinh from './tai-chinh.ts';
import * as truong from './truong.ts';

const MODULES = [
  truong,
  lop,
  canBo,
  hocSinh,
  ketQuaHocTap,
  eqms,
  danhGiaHocSinh,
  coSoVatChat,
  taiChinh,
  suKienTrangThai,
];

/** The entities a module exports, records before their rows, each group by name. */
function entitiesOf(module: object): EntitySchema[] {
  // A module namespace's key order depends on the loader: sort for a stable order.
  return Object.values(module)
    .filter((value): value is EntitySchema => entityRegistry.has(value as never))
    .map((schema) => ({ schema, meta: entityRegistry.get(schema) as EntityMeta }))
    .sort(
      (a, b) =>
        Number(a.meta.kind === 'row') - Number(b.meta.kind === 'row') ||
        a.meta.name.localeCompare(b.meta.name, 'en'),
    )
    .map(({ schema }) => schema);
}

/**
 * Every entity of the standard — records and sub-table rows, QĐ 4998's and the SDK's own — in a
 * stable order: school, class, staff, pupil, results, EQMS, then the SDK's entities; within each,
 * records first, then sub-table rows, by name.
 */
export const ENTITIES: readonly EntitySchema[] = MODULES.flatMap(entitiesOf);

const byName = new Map(ENTITIES.map((e) => [entityRegistry.get(e)?.name ?? '', e]));

/** The entity schema with the given name (`'HocSinh'`), or `undefined`. */
export function entityByName(name: string): EntitySchema | undefined {
  return byName.get(name);
}
