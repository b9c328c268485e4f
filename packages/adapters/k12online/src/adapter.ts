import { type Adapter, defineAdapter } from '@eduvn/adapter-kit';
import { k12OnlineMapping, VERSION } from './layout.ts';
import { writeK12Online } from './write.ts';

/**
 * K12Online's (Viettel) pupil-account template, read and written: `HocSinh` records from and to
 * the eight columns of {@link K12ONLINE_HEADERS}. Reads .xlsx, .xls and CSV, the header found
 * anywhere in the first 30 rows; writes .xlsx (a new workbook, or K12Online's own template given
 * as `template`), so that reading what it wrote gives the same records.
 */
export const k12OnlineAdapter: Adapter = defineAdapter({
  id: 'k12online',
  label: 'K12Online (Viettel) pupil account template',
  version: VERSION,
  basis:
    'The column list of K12Online’s pupil-account import template as publicly described: Họ và tên (*), Giới tính (*) (Nam/Nữ), Lớp (*), Ngày sinh (*) (dd/mm/yyyy), Họ và tên mẹ (*), Năm sinh của mẹ (*), Họ và tên người giám hộ, Năm sinh người giám hộ; (*) marks required columns; dates typed as text in General cells. The sheet name, title rows and column positions are not described: columns are found by header text.',
  formats: ['xlsx', 'xls', 'csv'],
  entities: [{ mapping: k12OnlineMapping }],
  write: ({ entity, records, template }) => {
    if (entity !== 'HocSinh') {
      throw new TypeError(
        `k12online: the K12Online template holds pupils (HocSinh), not ${JSON.stringify(String(entity)).slice(0, 60)}`,
      );
    }
    return writeK12Online(records, template === undefined ? {} : { template });
  },
});
