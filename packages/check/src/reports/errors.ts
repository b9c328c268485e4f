/** Why {@link toHtml} refused. */
export type HtmlReportErrorCode =
  /** Chart.js could not be read (no Node `fs`, or the package is missing): pass `chartSource`. */
  | 'CHART_SOURCE_UNAVAILABLE'
  /** An option is out of range (`maxRows` not a positive integer, an unknown `lang`). */
  | 'INVALID_OPTION';

/** An HTML report that cannot be made, with a code to branch on. */
export class HtmlReportError extends Error {
  /** What went wrong. */
  readonly code: HtmlReportErrorCode;

  /**
   * @param code - what went wrong
   * @param message - for people
   */
  constructor(code: HtmlReportErrorCode, message: string) {
    super(message);
    this.name = 'HtmlReportError';
    this.code = code;
  }
}
