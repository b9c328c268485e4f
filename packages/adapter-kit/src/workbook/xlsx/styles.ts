import { isDateFormat } from './date-format.ts';
import type { XmlHandler, XmlScanner } from './xml-scanner.ts';
import { ownText, XmlSyntaxError } from './xml-text.ts';

/**
 * The most number formats, fonts and cell formats a styles part may define (Excel allows 250
 * custom number formats, 1,024 fonts and 65,490 cell formats), and the most characters of font
 * names and format codes kept: far beyond any workbook, so that a hostile styles part cannot fill
 * memory. Beyond them the part is refused as damaged.
 */
const MAX_STYLES = 1_048_576;
const MAX_STYLE_TEXT = 16 * 1024 * 1024;

/**
 * What the readers need from `styles.xml`, by cell style index (the `s` of a cell, an index into
 * `cellXfs`).
 *
 * @internal
 */
export interface Styles {
  /** How many cell styles (`cellXfs` entries) there are. */
  readonly count: number;
  /** 1 where the style's number format shows dates. */
  readonly isDate: Uint8Array;
  /** The style's font name. */
  readonly font: readonly (string | undefined)[];
  /** 1 where the style has `quotePrefix="1"` (text shown literally, never as a formula). */
  readonly quotePrefix: Uint8Array;
  /** The style's number format id. */
  readonly numFmtId: readonly number[];
  /** The custom number formats by id. */
  readonly formats: ReadonlyMap<number, string>;
}

/**
 * No styles (a workbook without `styles.xml`).
 *
 * @internal
 */
export const NO_STYLES: Styles = {
  count: 0,
  isDate: new Uint8Array(0),
  font: [],
  quotePrefix: new Uint8Array(0),
  numFmtId: [],
  formats: new Map(),
};

/** Element names {@link StylesHandler} listens to. */
export const STYLES_NAMES = ['numFmt', 'fonts', 'font', 'name', 'cellXfs', 'xf'] as const;
const NUM_FMT = 0;
const FONTS = 1;
const FONT = 2;
const NAME = 3;
const CELL_XFS = 4;
const XF = 5;

function isTrue(value: string | undefined): boolean {
  return value === '1' || value === 'true';
}

/**
 * Collects {@link Styles} from a `styles.xml` scan: `numFmts`, the font names of `fonts` (not of
 * differential formats), and `cellXfs` (not `cellStyleXfs`).
 *
 * @internal
 */
export class StylesHandler implements XmlHandler {
  /** Never collects text: everything is in attributes. */
  readonly collecting = false;
  private readonly formats = new Map<number, string>();
  private readonly fonts: (string | undefined)[] = [];
  private readonly xfs: { numFmtId: number; fontId: number; quotePrefix: boolean }[] = [];
  private inFonts = false;
  private inFont = false;
  private inCellXfs = false;
  /** Characters of font names and format codes kept. */
  private textKept = 0;

  /** A font name or format code to keep: a copy, within {@link MAX_STYLE_TEXT}. */
  private keep(text: string | undefined): string | undefined {
    if (text === undefined) return undefined;
    this.textKept += text.length;
    if (this.textKept > MAX_STYLE_TEXT) {
      throw new XmlSyntaxError(
        `The styles part holds more than ${MAX_STYLE_TEXT} characters of font names and number formats.`,
      );
    }
    return ownText(text);
  }

  /** Checks there is room for one more entry in a list of styles. */
  private room(length: number, what: string): void {
    if (length >= MAX_STYLES) {
      throw new XmlSyntaxError(`The styles part defines more than ${MAX_STYLES} ${what}.`);
    }
  }

  /** @inheritdoc */
  open(id: number, scanner: XmlScanner, selfClosing: boolean): void {
    switch (id) {
      case NUM_FMT: {
        const numFmtId = Number(scanner.attr('numFmtId'));
        const code = scanner.attr('formatCode');
        if (Number.isInteger(numFmtId) && code !== undefined) {
          this.room(this.formats.size, 'number formats');
          this.formats.set(numFmtId, this.keep(code) as string);
        }
        break;
      }
      case FONTS:
        this.inFonts = !selfClosing;
        break;
      case FONT:
        if (this.inFonts) {
          this.room(this.fonts.length, 'fonts');
          this.fonts.push(undefined);
          this.inFont = !selfClosing;
        }
        break;
      case NAME:
        if (this.inFont) this.fonts[this.fonts.length - 1] = this.keep(scanner.attr('val'));
        break;
      case CELL_XFS:
        this.inCellXfs = !selfClosing;
        break;
      case XF:
        if (this.inCellXfs) {
          this.room(this.xfs.length, 'cell formats');
          const numFmtId = Number(scanner.attr('numFmtId') ?? 0);
          const fontId = Number(scanner.attr('fontId') ?? 0);
          this.xfs.push({
            numFmtId: Number.isInteger(numFmtId) ? numFmtId : 0,
            fontId: Number.isInteger(fontId) ? fontId : 0,
            quotePrefix: isTrue(scanner.attr('quotePrefix')),
          });
        }
        break;
    }
  }

  /** @inheritdoc */
  close(id: number): void {
    if (id === FONTS) this.inFonts = false;
    else if (id === FONT) this.inFont = false;
    else if (id === CELL_XFS) this.inCellXfs = false;
  }

  /** @inheritdoc */
  text(): void {}

  /** The styles found. */
  result(): Styles {
    const count = this.xfs.length;
    const isDate = new Uint8Array(count);
    const quotePrefix = new Uint8Array(count);
    const font: (string | undefined)[] = [];
    const numFmtId: number[] = [];
    // Each format is looked at once, however many cell formats share it.
    const dateFormats = new Map<number, boolean>();
    this.xfs.forEach((xf, i) => {
      let date = dateFormats.get(xf.numFmtId);
      if (date === undefined) {
        date = isDateFormat(xf.numFmtId, this.formats.get(xf.numFmtId));
        dateFormats.set(xf.numFmtId, date);
      }
      isDate[i] = date ? 1 : 0;
      quotePrefix[i] = xf.quotePrefix ? 1 : 0;
      font.push(this.fonts[xf.fontId]);
      numFmtId.push(xf.numFmtId);
    });
    return { count, isDate, font, quotePrefix, numFmtId, formats: this.formats };
  }
}
