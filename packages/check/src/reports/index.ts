export { CHART_JS_UMD, loadChartSource } from './chart-source.ts';
export { HtmlReportError, type HtmlReportErrorCode } from './errors.ts';
export { DEFAULT_HTML_MAX_ROWS, escapeHtml, type HtmlReportOptions, toHtml } from './html.ts';
export {
  toXlsx,
  type XlsxReport,
  XlsxReportError,
  type XlsxReportErrorCode,
  type XlsxReportOptions,
  type XlsxReportSource,
} from './xlsx.ts';
