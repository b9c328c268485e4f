import type { Bilingual } from '@eduvn/standard';

const TYPES = {
  'malformed-request': {
    status: 400,
    title: 'The request is malformed',
    titleVi: 'Yêu cầu không đúng định dạng',
  },
  'idempotency-key-required': {
    status: 400,
    title: 'An Idempotency-Key header is required on every POST',
    titleVi: 'Mọi yêu cầu POST cần tiêu đề Idempotency-Key',
  },
  unauthorized: {
    status: 401,
    title: 'Authentication is required',
    titleVi: 'Cần xác thực',
  },
  'invalid-client': {
    status: 401,
    title: 'The client id or secret is wrong',
    titleVi: 'Mã hoặc mật khẩu tài khoản không đúng',
  },
  forbidden: {
    status: 403,
    title: 'The account may not do this',
    titleVi: 'Tài khoản không có quyền thực hiện thao tác này',
  },
  'not-found': {
    status: 404,
    title: 'Not found',
    titleVi: 'Không tìm thấy',
  },
  'no-delete': {
    status: 405,
    title: 'Records are never deleted',
    titleVi: 'Không xoá hồ sơ',
  },
  'method-not-allowed': {
    status: 405,
    title: 'Method not allowed',
    titleVi: 'Phương thức không được hỗ trợ',
  },
  'identifier-conflict': {
    status: 409,
    title: 'An identifier would change or name another person',
    titleVi: 'Mã định danh bị thay đổi hoặc trùng với người khác',
  },
  'event-immutable': {
    status: 409,
    title: 'A status event is never changed once recorded',
    titleVi: 'Sự kiện trạng thái đã ghi nhận thì không được sửa',
  },
  'idempotency-key-reused': {
    status: 409,
    title: 'The Idempotency-Key was used for another request',
    titleVi: 'Idempotency-Key đã được dùng cho một yêu cầu khác',
  },
  'precondition-failed': {
    status: 412,
    title: 'The record changed since the version given in If-Match',
    titleVi: 'Bản ghi đã thay đổi so với phiên bản trong If-Match',
  },
  'payload-too-large': {
    status: 413,
    title: 'The request body is too large',
    titleVi: 'Nội dung yêu cầu quá lớn',
  },
  'unsupported-media-type': {
    status: 415,
    title: 'The request body must be JSON',
    titleVi: 'Nội dung yêu cầu phải là JSON',
  },
  validation: {
    status: 422,
    title: 'The data does not follow the standard',
    titleVi: 'Dữ liệu không đúng chuẩn',
  },
  'rate-limited': {
    status: 429,
    title: 'Too many requests',
    titleVi: 'Quá nhiều yêu cầu',
  },
  'server-error': {
    status: 500,
    title: 'The server failed',
    titleVi: 'Lỗi máy chủ',
  },
  unavailable: {
    status: 503,
    title: 'The service is unavailable',
    titleVi: 'Dịch vụ tạm thời không sẵn sàng',
  },
} as const satisfies Record<ProblemType, ProblemTypeInfo>;

/** The slug of a problem type (`'validation'`, `'identifier-conflict'`, …). */
export type ProblemType =
  | 'malformed-request'
  | 'idempotency-key-required'
  | 'unauthorized'
  | 'invalid-client'
  | 'forbidden'
  | 'not-found'
  | 'no-delete'
  | 'method-not-allowed'
  | 'identifier-conflict'
  | 'event-immutable'
  | 'idempotency-key-reused'
  | 'precondition-failed'
  | 'payload-too-large'
  | 'unsupported-media-type'
  | 'validation'
  | 'rate-limited'
  | 'server-error'
  | 'unavailable';

/** What a problem type is: its HTTP status and its title. */
export interface ProblemTypeInfo {
  /** The HTTP status it is answered with. */
  readonly status: number;
  /** Its title, in English. */
  readonly title: string;
  /** Its title, in Vietnamese. */
  readonly titleVi: string;
}

/**
 * The problem types of the eduvn API (RFC 9457 problem documents): every error the server answers
 * is one of these, with its HTTP status and a title in English and Vietnamese. A client builds its
 * error family from `type`.
 */
export const PROBLEM_TYPES: Readonly<Record<ProblemType, ProblemTypeInfo>> = TYPES;

/** The URI prefix of every problem type: `urn:eduvn:problem:` + the slug. */
export const PROBLEM_TYPE_PREFIX = 'urn:eduvn:problem:';

/** The `type` URI of a problem (`urn:eduvn:problem:validation`). */
export const problemTypeUri = (type: ProblemType): string => `${PROBLEM_TYPE_PREFIX}${type}`;

/** The legal basis cited when a DELETE is refused. */
export const NO_DELETE_BASIS =
  'TT 42/2021/TT-BGDĐT Art. 10 (identifiers are never deleted); seed regulation Art. 8 cl. 2–3 (leaving only changes a status)';

/** A problem with one field of one record (or of the request), as 422 and 409 responses list them. */
export interface ApiIssue {
  /** The rule that found it, from the rule catalog of @eduvn/rules (`STD.SCHEMA.001`, `ID.PERSONAL.002`, …). */
  readonly ruleId: string;
  /** `'error'` (the write is refused) or `'query'` (accepted; fix or acknowledge it). */
  readonly severity: 'error' | 'query';
  /** RFC 6901 JSON Pointer into the record's wire object (`/HO_TEN`), `''` for the whole record. */
  readonly pointer: string;
  /** What is wrong, in Vietnamese and English. */
  readonly message: Bilingual;
  /** How to fix it. */
  readonly hint?: Bilingual;
}

/** An RFC 9457 problem document as the eduvn API writes it. */
export interface ProblemDocument {
  /** `urn:eduvn:problem:<slug>`. */
  readonly type: string;
  /** The problem type's title, in English. */
  readonly title: string;
  /** The title in Vietnamese. */
  readonly titleVi: string;
  /** The HTTP status. */
  readonly status: number;
  /** What happened in this case, in English. */
  readonly detail: string;
  /** The request path. */
  readonly instance: string;
  /** The request's correlation id (also in the `X-Correlation-Id` header). */
  readonly correlationId: string;
  /** The rule ids behind a 409 or 422. */
  readonly ruleIds?: readonly string[];
  /** Every issue found (422, 409). */
  readonly issues?: readonly ApiIssue[];
  /** Anything else the type documents (`retryAfter`, `basis`, `limit`, …). */
  readonly [extension: string]: unknown;
}
