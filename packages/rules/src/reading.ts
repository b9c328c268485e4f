import { entityByName, fieldsOf } from '@eduvn/standard';
import { symbolOf } from './core/keys.ts';
import { render } from './core/localize.ts';
import type { Issue, IssueLocation } from './core/report.ts';
import type { Localized, Severity } from './core/types.ts';

/**
 * The codes a reader (`@eduvn/adapter-kit`) gives the problems it meets while reading a file: an
 * impossible date, a value it cannot read or finds unusual, a spreadsheet error in a cell, a
 * truncated cell, a required value left blank, a missing or ambiguous column, a failed transform,
 * no sheet with the layout, a file of the wrong format, text not validly encoded, NUL bytes.
 * Declared here (the rules never import a reader) and mapped to rule ids by {@link READING_RULES}.
 */
export type ReadingCode =
  | 'date-invalid'
  | 'value-invalid'
  | 'value-unusual'
  | 'cell-error'
  | 'cell-truncated'
  | 'required-blank'
  | 'column-missing'
  | 'column-ambiguous'
  | 'transform-failed'
  | 'no-layout'
  | 'wrong-format'
  | 'encoding-invalid'
  | 'nul-byte';

/**
 * The rule id of each reading problem code: every problem found while reading a file is reported
 * under a rule of the catalog, like a rule's finding.
 */
export const READING_RULES: Readonly<Record<ReadingCode, string>> = Object.freeze({
  'date-invalid': 'READ.DATE.001',
  'value-invalid': 'READ.VALUE.001',
  'value-unusual': 'READ.VALUE.002',
  'cell-error': 'READ.VALUE.003',
  'cell-truncated': 'READ.CELL.001',
  'required-blank': 'READ.REQUIRED.001',
  'column-missing': 'READ.COLUMN.001',
  'column-ambiguous': 'READ.COLUMN.002',
  'transform-failed': 'READ.MAPPING.002',
  'no-layout': 'READ.SHEET.001',
  'wrong-format': 'READ.FORMAT.001',
  'encoding-invalid': 'READ.ENCODING.001',
  'nul-byte': 'READ.ENCODING.002',
});

/**
 * A reading rule of the catalog: a problem met while reading a file rather than found by a rule
 * over records. Its message and hint are templates: `{field}` (the field's label, else its name,
 * else the column), `{value}` (the value as the reader describes it), `{column}`, `{sheet}`, and
 * `{detail}` (the reader's own words, `: …`, or nothing).
 */
export interface ReadingRuleInfo {
  /** The stable id (`READ.DATE.001`). */
  readonly id: string;
  /** The reader's code, for the rules a reader reports per row or sheet; absent for file-level ones. */
  readonly code?: ReadingCode;
  /** How serious (callers may override it per rule id). */
  readonly severity: Severity;
  /** Always `'eduvn'`: reading is not a legal rule. */
  readonly basis: string;
  /** What is wrong, in both languages (a template). */
  readonly message: Localized;
  /** How to fix it, in both languages (a template). */
  readonly hint: Localized;
}

const rule = (
  id: string,
  severity: Severity,
  message: Localized,
  hint: Localized,
  code?: ReadingCode,
): ReadingRuleInfo =>
  Object.freeze({ id, ...(code ? { code } : {}), severity, basis: 'eduvn', message, hint });

/** Every reading rule, in id order: the reader's codes, then the file-level ones. */
export const READING_RULE_CATALOG: readonly ReadingRuleInfo[] = Object.freeze(
  [
    rule(
      'READ.DATE.001',
      'error',
      {
        vi: 'Ngày không tồn tại ở trường {field}: {value}',
        en: 'Impossible date in field {field}: {value}',
      },
      {
        vi: 'Sửa thành một ngày có thật, dạng dd/mm/yyyy (ví dụ 31/02/2019 không có; 28/02/2019 thì có)',
        en: 'Write a real date as dd/mm/yyyy (31/02/2019 does not exist; 28/02/2019 does)',
      },
      'date-invalid',
    ),
    rule(
      'READ.VALUE.001',
      'error',
      {
        vi: 'Không đọc được giá trị {value} ở trường {field} theo kiểu dữ liệu của trường',
        en: "The value {value} of field {field} cannot be read as the field's type{detail}",
      },
      {
        vi: 'Sửa giá trị theo đúng kiểu của trường (số, ngày, mã trong danh mục…)',
        en: "Correct the value to the field's type (a number, a date, a catalog code…)",
      },
      'value-invalid',
    ),
    rule(
      'READ.VALUE.002',
      'query',
      {
        vi: 'Giá trị {value} ở trường {field} bất thường, cần kiểm tra lại',
        en: 'The value {value} of field {field} is unusual and worth a check{detail}',
      },
      {
        vi: 'Đối chiếu với hồ sơ gốc; nếu đúng, xác nhận kèm ghi chú',
        en: 'Check it against the source document; if it is right, acknowledge it with a note',
      },
      'value-unusual',
    ),
    rule(
      'READ.VALUE.003',
      'error',
      {
        vi: 'Ô ở trường {field} chứa lỗi công thức {value} thay vì giá trị',
        en: 'The cell of field {field} holds the formula error {value} instead of a value',
      },
      {
        vi: 'Sửa công thức (#N/A, #REF! thường do tham chiếu hỏng) hoặc thay bằng giá trị',
        en: 'Fix the formula (#N/A, #REF! usually come from a broken reference) or type the value',
      },
      'cell-error',
    ),
    rule(
      'READ.CELL.001',
      'error',
      {
        vi: 'Ô ở trường {field} quá dài nên không đọc hết ({value})',
        en: 'The cell of field {field} is too long and was not read whole ({value})',
      },
      {
        vi: 'Rút gọn nội dung ô theo độ dài tối đa của trường',
        en: "Shorten the cell to the field's maximum length",
      },
      'cell-truncated',
    ),
    rule(
      'READ.REQUIRED.001',
      'error',
      { vi: 'Trường bắt buộc {field} để trống', en: 'The required field {field} is blank' },
      { vi: 'Điền giá trị cho trường này', en: 'Fill in the field' },
      'required-blank',
    ),
    rule(
      'READ.COLUMN.001',
      'error',
      {
        vi: 'Sheet {sheet} thiếu cột {field}',
        en: 'Sheet {sheet} has no column for {field}{detail}',
      },
      {
        vi: 'Thêm cột với đúng tiêu đề của mẫu, hoặc chọn đúng mẫu hay bộ chuyển đổi',
        en: "Add the column with the template's header, or choose the right template or adapter",
      },
      'column-missing',
    ),
    rule(
      'READ.COLUMN.002',
      'query',
      {
        vi: 'Sheet {sheet} có nhiều cột có thể là {field}; đã dùng cột {column}',
        en: 'Several columns of sheet {sheet} could be {field}; column {column} was used{detail}',
      },
      {
        vi: 'Đặt lại tiêu đề cột cho rõ ràng, hoặc chỉ định cột trong ánh xạ',
        en: 'Rename the headers so that only one matches, or name the column in the mapping',
      },
      'column-ambiguous',
    ),
    rule(
      'READ.MAPPING.002',
      'error',
      {
        vi: 'Không chuyển đổi được giá trị {value} của trường {field}',
        en: 'The value {value} of field {field} could not be transformed{detail}',
      },
      {
        vi: 'Kiểm tra giá trị theo định dạng của mẫu, hoặc sửa ánh xạ',
        en: "Check the value against the template's format, or correct the mapping",
      },
      'transform-failed',
    ),
    rule(
      'READ.SHEET.001',
      'error',
      {
        vi: 'Không có sheet nào có bố cục mong đợi (không thấy dòng tiêu đề)',
        en: 'No sheet has the expected layout (no header row found){detail}',
      },
      {
        vi: 'Kiểm tra đúng tệp và đúng mẫu; giữ nguyên dòng tiêu đề của mẫu',
        en: "Check that it is the right file and template; keep the template's header row",
      },
      'no-layout',
    ),
    rule(
      'READ.FORMAT.001',
      'error',
      {
        vi: 'Tệp không đúng định dạng mong đợi',
        en: 'The file is not in the expected format{detail}',
      },
      {
        vi: 'Lưu lại tệp dưới dạng .xlsx (hoặc CSV UTF-8) rồi thử lại',
        en: 'Save the file again as .xlsx (or UTF-8 CSV) and try again',
      },
      'wrong-format',
    ),
    rule(
      'READ.ENCODING.001',
      'error',
      {
        vi: 'Văn bản của tệp không đúng bảng mã (không phải UTF-8 hợp lệ)',
        en: 'The text of the file is not validly encoded (not valid UTF-8){detail}',
      },
      { vi: 'Lưu lại tệp CSV với bảng mã UTF-8', en: 'Save the CSV file again as UTF-8' },
      'encoding-invalid',
    ),
    rule(
      'READ.ENCODING.002',
      'error',
      {
        vi: 'Tệp chứa ký tự NUL (byte 0): có thể là tệp nhị phân hoặc văn bản UTF-16',
        en: 'The file holds NUL characters (byte 0): a binary file, or UTF-16 text',
      },
      {
        vi: 'Xuất lại tệp dưới dạng CSV UTF-8 hoặc .xlsx',
        en: 'Export it again as UTF-8 CSV or .xlsx',
      },
      'nul-byte',
    ),
    rule(
      'READ.MAPPING.001',
      'query',
      {
        vi: 'Ánh xạ cột được đề xuất tự động từ tiêu đề của tệp, cần người kiểm tra lại',
        en: 'The column mapping was proposed from the headers and must be reviewed{detail}',
      },
      {
        vi: 'Xem lại ánh xạ đề xuất (cột nào ứng với trường nào); khi đã đúng, lưu thành bộ chuyển đổi',
        en: 'Review the proposed mapping (which column is which field); once right, save it as an adapter',
      },
    ),
    rule(
      'READ.LIMIT.001',
      'error',
      {
        vi: 'Tệp vượt giới hạn đọc ({value}): phần còn lại không được đọc',
        en: 'The file exceeds a read limit ({value}): the rest was not read{detail}',
      },
      {
        vi: 'Chia tệp thành nhiều tệp nhỏ hơn, hoặc nâng giới hạn nếu tệp là đáng tin',
        en: 'Split the file, or raise the limit if the file is trusted',
      },
    ),
    rule(
      'READ.FILE.001',
      'error',
      {
        vi: 'Không đọc được tệp: định dạng không hỗ trợ, có mật khẩu hoặc bị hỏng',
        en: 'The file cannot be read: unsupported, encrypted or corrupt{detail}',
      },
      {
        vi: 'Mở tệp bằng Excel, bỏ mật khẩu và lưu lại dưới dạng .xlsx',
        en: 'Open it in Excel, remove any password and save it as .xlsx',
      },
    ),
  ].sort((a, b) => a.id.localeCompare(b.id, 'en')),
);

/** The id of a reading rule of the catalog. */
export type ReadingRuleId = string;

const BY_ID: ReadonlyMap<string, ReadingRuleInfo> = new Map(
  READING_RULE_CATALOG.map((r) => [r.id, r]),
);

/** A problem met while reading a file, as {@link readingIssue} turns it into a report issue. */
export interface ReadingProblem {
  /** The reader's code (`'date-invalid'`), or a reading rule id (`'READ.FILE.001'`). */
  readonly code: ReadingCode | ReadingRuleId;
  /** The file (name or path as the caller wants it shown). */
  readonly file?: string;
  /** The sheet. */
  readonly sheet?: string;
  /** The 1-based row. */
  readonly row?: number;
  /** The column: its letters (`'E'`, which gives the cell `E15` with the row) or its header. */
  readonly column?: string;
  /** The entity being read, when known (`'HocSinh'`); its field labels word the message. */
  readonly entity?: string;
  /** The record's key, when known (a row's pupil code). */
  readonly recordKey?: string;
  /** The canonical field concerned. */
  readonly field?: string;
  /** The value as the reader describes it (`'31/02/2019'`, `'a text of 12 characters'`), masked. */
  readonly value?: string;
  /** The reader's own words (English), appended to the English message. */
  readonly detail?: string;
  /** The class the row belongs to, for the summary by class. */
  readonly classCode?: string;
}

/** Options of {@link readingIssue}. */
export interface ReadingIssueOptions {
  /** Severity overrides by rule id, as in `validate`'s `rules.severity`. */
  readonly severity?: Readonly<Record<string, Severity>>;
}

/** The most characters of a value or detail an issue shows. */
const MAX_SHOWN = 200;

const shorten = (s: string): string => {
  // No more code units than the limit: no more characters either.
  if (s.length <= MAX_SHOWN) return s;
  const chars = [...s];
  return chars.length > MAX_SHOWN ? `${chars.slice(0, MAX_SHOWN).join('')}…` : s;
};

const COLUMN_LETTERS = /^[A-Z]{1,3}$/;

/** By entity: its fields' labels by name (`null`: an entity the standard lacks). */
const labelsByEntity = new Map<string, ReadonlyMap<string, Localized> | null>();

/** The label of a field of an entity in both languages, or `undefined`. */
function labelOf(entity: string | undefined, field: string): Localized | undefined {
  if (entity === undefined) return undefined;
  let labels = labelsByEntity.get(entity);
  if (labels === undefined) {
    const schema = entityByName(entity);
    if (schema) {
      const byName = new Map<string, Localized>();
      // The first field of a name, as a search of the list finds it.
      for (const f of fieldsOf(schema)) if (!byName.has(f.name)) byName.set(f.name, f.label);
      labels = byName;
    } else labels = null;
    // Entities are the standard's, or a caller's odd name: a few are kept.
    if (labelsByEntity.size < 1_000) labelsByEntity.set(entity, labels);
  }
  if (labels === null) return undefined;
  const dot = field.indexOf('.');
  return labels.get(dot < 0 ? field : field.slice(0, dot));
}

/** How a message names the field: its label, else its name, else its column. */
function fieldIn(
  label: Localized | undefined,
  field: string | undefined,
  column: string | undefined,
  lang: 'vi' | 'en',
): string {
  return (
    label?.[lang] ??
    field ??
    (column === undefined ? '—' : `(${lang === 'vi' ? 'cột' : 'column'} ${column})`)
  );
}

/**
 * A report {@link Issue} for a problem met while reading a file: the reading rule's id (from
 * {@link READING_RULES} for a reader's code), its severity (or an override), basis `eduvn`, the
 * location (file, sheet, row, column and cell reference `E15`), the field and its QĐ 4998 symbol,
 * the value as described, and the catalog's message and fix hint in both languages, worded with the
 * field's label. Throws a `TypeError` for a code that is no reading rule's.
 *
 * @example
 * ```ts
 * const issue = readingIssue({
 *   code: 'date-invalid', file: 'hs.xlsx', sheet: 'DS', row: 15, column: 'E',
 *   entity: 'HocSinh', field: 'ngaySinh', value: '31/02/2019',
 * });
 * issue.ruleId // 'READ.DATE.001'
 * issue.location // { file: 'hs.xlsx', sheet: 'DS', row: 15, column: 'E', cell: 'E15' }
 * ```
 */
export function readingIssue(problem: ReadingProblem, options: ReadingIssueOptions = {}): Issue {
  const id = Object.hasOwn(READING_RULES, problem.code)
    ? READING_RULES[problem.code as ReadingCode]
    : problem.code;
  const info = BY_ID.get(id);
  if (!info)
    throw new TypeError(
      `readingIssue: ${JSON.stringify(String(id).slice(0, 60))} is no reading rule`,
    );
  const severity =
    options.severity && Object.hasOwn(options.severity, info.id)
      ? (options.severity[info.id] as Severity)
      : info.severity;
  const { field, column, row } = problem;
  const label = field === undefined ? undefined : labelOf(problem.entity, field);
  const value = problem.value === undefined ? undefined : shorten(problem.value);
  // One set of params, changed between the texts: the Vietnamese message has no detail (the
  // reader's own words are English), the English texts the field's English label.
  const params = {
    value: value === undefined ? '—' : `"${value}"`,
    column: column ?? '—',
    sheet: problem.sheet ?? '—',
    detail: '',
    field: fieldIn(label, field, column, 'vi'),
  };
  const vi = render(info.message.vi, params);
  params.detail = problem.detail ? `: ${shorten(problem.detail)}` : '';
  const hintVi = render(info.hint.vi, params);
  params.field = fieldIn(label, field, column, 'en');
  const en = render(info.message.en, params);
  const hintEn = render(info.hint.en, params);
  // Objects built property by property, in the order the report has always shown them.
  const location: { -readonly [K in keyof IssueLocation]: IssueLocation[K] } = {};
  let located = false;
  if (problem.file !== undefined) {
    location.file = problem.file;
    located = true;
  }
  if (problem.sheet !== undefined) {
    location.sheet = problem.sheet;
    located = true;
  }
  if (row !== undefined) {
    location.row = row;
    located = true;
  }
  if (column !== undefined) {
    location.column = column;
    located = true;
    if (row !== undefined && COLUMN_LETTERS.test(column)) location.cell = `${column}${row}`;
  }
  const symbol = problem.entity === undefined ? undefined : symbolOf(problem.entity, field);
  const issue: { -readonly [K in keyof Issue]: Issue[K] } = {
    ruleId: info.id,
    severity,
    basis: info.basis,
    entity: problem.entity ?? '',
    recordKey: problem.recordKey ?? '',
  } as Issue;
  if (field !== undefined) issue.field = field;
  if (symbol !== undefined) issue.symbol = symbol;
  if (problem.classCode !== undefined) issue.classCode = problem.classCode;
  if (located) issue.location = location;
  if (value !== undefined) issue.value = value;
  issue.message = { vi, en };
  issue.hint = { vi: hintVi, en: hintEn };
  return issue;
}
