import { type XmlHandler, XmlScanner } from './xml-scanner.ts';
import { escapeXmlText, XmlSyntaxError } from './xml-text.ts';

/** A span of the styles text: `[start, end)`, and where its start tag ends. */
interface Span {
  start: number;
  openEnd: number;
  end: number;
  selfClosing: boolean;
}

const NAMES = [
  'styleSheet',
  'numFmts',
  'numFmt',
  'cellXfs',
  'xf',
  'fills',
  'fill',
  'borders',
  'cellStyleXfs',
] as const;
const STYLE_SHEET = 0;
const NUM_FMTS = 1;
const NUM_FMT = 2;
const CELL_XFS = 3;
const XF = 4;
const FILLS = 5;
const FILL = 6;
const BORDERS = 7;
const CELL_STYLE_XFS = 8;

/** Finds where `numFmts`, `cellXfs` and each cell `xf` are in `styles.xml`. */
class StylesLayout implements XmlHandler {
  readonly collecting = false;
  /** Set right after construction: the scanner reporting to this handler. */
  scanner: XmlScanner | undefined;
  rootOpenEnd = -1;
  numFmts: Span | undefined;
  /** How many `numFmt` children `numFmts` has. */
  numFmtCount = 0;
  cellXfs: Span | undefined;
  /** The `fills` element, and how many `fill` children it has. */
  fills: Span | undefined;
  fillCount = 0;
  /** Where `borders` or `cellStyleXfs` start (a `fills` element added goes before). */
  afterFills = -1;
  readonly xfs: Span[] = [];
  /** Every number format id in use (in `numFmts` and in differential formats). */
  readonly numFmtIds = new Set<number>();
  private openXf: Span | undefined;
  private depth = 0;
  private parent = -1;

  open(id: number, scanner: XmlScanner, selfClosing: boolean): void {
    const span: Span = {
      start: scanner.tagStart,
      openEnd: selfClosing ? scanner.tagEnd + 2 : scanner.tagEnd + 1,
      end: selfClosing ? scanner.tagEnd + 2 : -1,
      selfClosing,
    };
    if (id === STYLE_SHEET && this.depth === 0) {
      this.rootOpenEnd = span.openEnd;
    } else if (id === NUM_FMTS && this.depth === 1) {
      this.numFmts = span;
      if (!selfClosing) this.parent = NUM_FMTS;
    } else if (id === NUM_FMT) {
      const n = Number(scanner.attr('numFmtId'));
      if (Number.isInteger(n)) this.numFmtIds.add(n);
      if (this.parent === NUM_FMTS && this.depth === 2) this.numFmtCount++;
    } else if (id === CELL_XFS && this.depth === 1) {
      this.cellXfs = span;
      if (!selfClosing) this.parent = CELL_XFS;
    } else if (id === FILLS && this.depth === 1) {
      this.fills = span;
      if (!selfClosing) this.parent = FILLS;
    } else if (id === FILL && this.parent === FILLS && this.depth === 2) {
      this.fillCount++;
    } else if ((id === BORDERS || id === CELL_STYLE_XFS) && this.depth === 1) {
      if (this.afterFills < 0) this.afterFills = span.start;
    } else if (id === XF && this.parent === CELL_XFS && this.depth === 2) {
      this.xfs.push(span);
      if (!selfClosing) this.openXf = span;
    }
    if (!selfClosing) this.depth++;
  }

  close(id: number): void {
    this.depth--;
    const scanner = this.scanner as XmlScanner;
    if (id === XF && this.openXf !== undefined && this.depth === 2) {
      this.openXf.end = scanner.tagEnd + 1;
      this.openXf = undefined;
    } else if ((id === NUM_FMTS || id === CELL_XFS || id === FILLS) && this.depth === 1) {
      const span = id === NUM_FMTS ? this.numFmts : id === FILLS ? this.fills : this.cellXfs;
      if (span !== undefined) span.end = scanner.tagStart;
      this.parent = -1;
    }
  }

  text(): void {}
}

/** `tag` (a start tag's text) with attribute `name` set to `value`. */
function setAttribute(tag: string, name: string, value: string): string {
  const pattern = new RegExp(`(\\s${name}\\s*=\\s*)(["'])[^"']*\\2`);
  if (pattern.test(tag)) return tag.replace(pattern, `$1"${value}"`);
  const close = tag.endsWith('/>') ? tag.length - 2 : tag.length - 1;
  return `${tag.slice(0, close)} ${name}="${value}"${tag.slice(close)}`;
}

/** An `xf` (start tag `tag`, then `rest`: its children and end tag) with wrapped text. */
function wrapped(tag: string, rest: string, prefix: string): string {
  const alignment = new RegExp(`<${prefix}alignment\\b[^>]*?/?>`);
  const found = alignment.exec(rest);
  if (found !== null) {
    const edited = setAttribute(found[0], 'wrapText', '1');
    return tag + rest.slice(0, found.index) + edited + rest.slice(found.index + found[0].length);
  }
  const added = `<${prefix}alignment vertical="top" wrapText="1"/>`;
  if (tag.endsWith('/>')) return `${tag.slice(0, -2).trimEnd()}>${added}</${prefix}xf>`;
  return tag + added + rest;
}

/**
 * Adds cell styles to a workbook's `styles.xml` without touching the rest: a clone of an existing
 * `cellXfs` entry with `quotePrefix="1"` (for formula-like text), with a date number format, or
 * with a fill or wrapped text ({@link StylesEditor.styled}),
 * appended to `cellXfs` (one per base style, memoized) — the indexes of existing styles never
 * change, so every cell of the template keeps its look.
 *
 * @internal
 */
export class StylesEditor {
  private readonly layout = new StylesLayout();
  private readonly added: string[] = [];
  private readonly addedFormats: string[] = [];
  private readonly addedFills: string[] = [];
  private readonly fillIds = new Map<string, number>();
  private readonly memo = new Map<string, number>();
  private readonly formatIds = new Map<string, number>();

  /**
   * @param xml - The text of `styles.xml`.
   * @throws XmlSyntaxError when it is malformed or has no `cellXfs`.
   */
  constructor(private readonly xml: string) {
    const scanner = new XmlScanner(NAMES, this.layout);
    this.layout.scanner = scanner;
    scanner.write(xml);
    scanner.end();
    if (
      this.layout.cellXfs === undefined ||
      this.layout.xfs.length === 0 ||
      this.layout.cellXfs.selfClosing
    ) {
      throw new XmlSyntaxError('styles.xml has no cell styles (cellXfs).');
    }
  }

  /** Whether styles were added. */
  get changed(): boolean {
    return this.added.length > 0;
  }

  private clone(
    base: number,
    key: string,
    edit: (tag: string) => string,
    body?: (tag: string, rest: string, prefix: string) => string,
  ): number {
    const xfs = this.layout.xfs;
    const from = base >= 0 && base < xfs.length ? base : 0;
    const memoKey = `${key}:${from}`;
    const known = this.memo.get(memoKey);
    if (known !== undefined) return known;
    const span = xfs[from] as Span;
    const tag = this.xml.slice(span.start, span.openEnd);
    const rest = this.xml.slice(span.openEnd, span.end);
    const index = xfs.length + this.added.length;
    if (body === undefined) {
      this.added.push(edit(tag) + rest);
    } else {
      const name = tag.slice(1, /[\s/>]/.exec(tag.slice(1))?.index ?? 0);
      const prefix = name.includes(':') ? name.slice(0, name.indexOf(':') + 1) : '';
      this.added.push(body(edit(tag), rest, prefix));
    }
    this.memo.set(memoKey, index);
    return index;
  }

  /**
   * The index of a style like `base` (its number format, font, border and protection kept) with
   * some changes: a solid fill of an ARGB colour (`'FFFFC7CE'`, added to `fills` if new), text
   * wrapped (`alignment wrapText="1"`), `quotePrefix="1"`.
   */
  styled(
    base: number,
    changes: {
      readonly fill?: string;
      readonly wrapText?: boolean;
      readonly quotePrefix?: boolean;
    },
  ): number {
    const fill = changes.fill;
    if (fill !== undefined && !/^[0-9A-Fa-f]{8}$/.test(fill))
      throw new RangeError(
        `A fill colour must be 8 hex digits (ARGB), got ${JSON.stringify(fill)}.`,
      );
    const fillId = fill === undefined ? undefined : this.fillId(fill.toUpperCase());
    const key = `styled:${fillId ?? ''}:${changes.wrapText === true}:${changes.quotePrefix === true}`;
    return this.clone(
      base,
      key,
      (tag) => {
        let out = tag;
        if (fillId !== undefined)
          out = setAttribute(setAttribute(out, 'fillId', String(fillId)), 'applyFill', '1');
        if (changes.wrapText === true) out = setAttribute(out, 'applyAlignment', '1');
        if (changes.quotePrefix === true) out = setAttribute(out, 'quotePrefix', '1');
        return out;
      },
      changes.wrapText === true ? wrapped : undefined,
    );
  }

  private fillId(argb: string): number {
    let id = this.fillIds.get(argb);
    if (id === undefined) {
      id = Math.max(this.layout.fillCount, this.layout.fills === undefined ? 2 : 0);
      id += this.addedFills.length;
      this.fillIds.set(argb, id);
      this.addedFills.push(
        `<fill><patternFill patternType="solid"><fgColor rgb="${argb}"/><bgColor indexed="64"/></patternFill></fill>`,
      );
    }
    return id;
  }

  /** The index of a style like `base` with `quotePrefix="1"`. */
  quoted(base: number): number {
    return this.clone(base, 'quote', (tag) => setAttribute(tag, 'quotePrefix', '1'));
  }

  /** The index of a style like `base` with the number format `code` (added if new). */
  withFormat(base: number, code: string): number {
    let id = this.formatIds.get(code);
    if (id === undefined) {
      id = 164;
      while (this.layout.numFmtIds.has(id)) id++;
      this.layout.numFmtIds.add(id);
      this.formatIds.set(code, id);
      this.addedFormats.push(`<numFmt numFmtId="${id}" formatCode="${escapeXmlText(code)}"/>`);
    }
    const numFmtId = String(id);
    return this.clone(base, `format${numFmtId}`, (tag) =>
      setAttribute(setAttribute(tag, 'numFmtId', numFmtId), 'applyNumberFormat', '1'),
    );
  }

  /** The edited `styles.xml`. */
  toXml(): string {
    const { xml, layout } = this;
    const cellXfs = layout.cellXfs as Span;
    const edits: { at: number; end: number; text: string }[] = [];
    const prefix = xml.slice(cellXfs.start + 1, xml.indexOf('cellXfs', cellXfs.start));
    if (this.addedFills.length > 0) {
      const fills = this.addedFills
        .join('')
        .replace(/<(\/?)(fill|patternFill|fgColor|bgColor)\b/g, `<$1${prefix}$2`);
      const span = layout.fills;
      if (span === undefined) {
        const at = layout.afterFills >= 0 ? layout.afterFills : cellXfs.start;
        const none = `<${prefix}fill><${prefix}patternFill patternType="none"/></${prefix}fill><${prefix}fill><${prefix}patternFill patternType="gray125"/></${prefix}fill>`;
        edits.push({
          at,
          end: at,
          text: `<${prefix}fills count="${2 + this.addedFills.length}">${none}${fills}</${prefix}fills>`,
        });
      } else {
        const open = setAttribute(
          xml.slice(span.start, span.openEnd),
          'count',
          String(layout.fillCount + this.addedFills.length),
        );
        if (span.selfClosing) {
          edits.push({
            at: span.start,
            end: span.end,
            text: `${open.slice(0, -2)}>${fills}</${prefix}fills>`,
          });
        } else {
          edits.push({ at: span.start, end: span.openEnd, text: open });
          edits.push({ at: span.end, end: span.end, text: fills });
        }
      }
    }
    if (this.addedFormats.length > 0) {
      const numFmts = layout.numFmts;
      if (numFmts === undefined) {
        edits.push({
          at: layout.rootOpenEnd,
          end: layout.rootOpenEnd,
          text: `<${prefix}numFmts count="${this.addedFormats.length}">${this.addedFormats.join('').replace(/<numFmt /g, `<${prefix}numFmt `)}</${prefix}numFmts>`,
        });
      } else {
        const count = layout.numFmtCount + this.addedFormats.length;
        const formats = this.addedFormats.join('').replace(/<numFmt /g, `<${prefix}numFmt `);
        const open = setAttribute(
          xml.slice(numFmts.start, numFmts.openEnd),
          'count',
          String(count),
        );
        edits.push(
          numFmts.selfClosing
            ? {
                at: numFmts.start,
                end: numFmts.end,
                text: `${open.slice(0, -2)}>${formats}</${prefix}numFmts>`,
              }
            : { at: numFmts.start, end: numFmts.openEnd, text: open },
        );
        if (!numFmts.selfClosing) edits.push({ at: numFmts.end, end: numFmts.end, text: formats });
      }
    }
    const count = String(layout.xfs.length + this.added.length);
    edits.push({
      at: cellXfs.start,
      end: cellXfs.openEnd,
      text: setAttribute(xml.slice(cellXfs.start, cellXfs.openEnd), 'count', count),
    });
    edits.push({ at: cellXfs.end, end: cellXfs.end, text: this.added.join('') });
    edits.sort((a, b) => a.at - b.at);
    let out = '';
    let from = 0;
    for (const edit of edits) {
      out += xml.slice(from, edit.at) + edit.text;
      from = edit.end;
    }
    return out + xml.slice(from);
  }
}
