import type { XmlHandler, XmlScanner } from './xml-scanner.ts';
import { escapeXmlText } from './xml-text.ts';

/** The SpreadsheetML namespace. */
export const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
/** The namespace of relationship ids (`r:id`). */
export const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
/** The relationship type of a comments part. */
export const COMMENTS_RELATIONSHIP = `${REL_NS}/comments`;
/** The relationship type of a VML drawing. */
export const VML_RELATIONSHIP = `${REL_NS}/vmlDrawing`;
/** The content type of a comments part. */
export const COMMENTS_CONTENT_TYPE =
  'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml';
/** The content type of VML drawings. */
export const VML_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.vmlDrawing';

/** One comment to add: the cell and its text. */
export interface NewComment {
  /** 0-based column. */
  readonly column: number;
  /** 1-based row. */
  readonly row: number;
  /** The text. */
  readonly text: string;
}

/** The XML of one `<comment>`. */
export function commentXml(ref: string, authorId: number, text: string, prefix: string): string {
  const p = prefix;
  return `<${p}comment ref="${ref}" authorId="${authorId}"><${p}text><${p}t xml:space="preserve">${escapeXmlText(text)}</${p}t></${p}text></${p}comment>`;
}

/** A new comments part. */
export function commentsPart(author: string, comments: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<comments xmlns="${MAIN_NS}"><authors><author>${escapeXmlText(author)}</author></authors>` +
    `<commentList>${comments}</commentList></comments>`
  );
}

/**
 * The VML shape of a note (hidden until the cell is hovered), anchored right of its cell — left
 * of it at the last columns, above it at the last rows.
 */
export function noteShape(id: number, column: number, row: number): string {
  const left = column + 3 <= 16_383 ? column + 1 : Math.max(0, column - 3);
  const top = row <= 1 ? 0 : row - 2;
  const topRow = top + 4 <= 1_048_575 ? top : 1_048_571;
  return (
    `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:180pt;height:80pt;z-index:${id};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
    '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>' +
    '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${left}, 15, ${topRow}, 2, ${left + 2}, 15, ${topRow + 4}, 16</x:Anchor>` +
    `<x:AutoFill>False</x:AutoFill><x:Row>${row - 1}</x:Row><x:Column>${column}</x:Column></x:ClientData></v:shape>`
  );
}

/** A new VML drawing holding `shapes`. */
export function vmlPart(shapes: string): string {
  return (
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
    '<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout>' +
    '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">' +
    '<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>' +
    `${shapes}</xml>`
  );
}

/** The largest shape number (`_x0000_s1025` → 1025) of a VML drawing, 1024 when none. */
export function lastShapeId(vml: string): number {
  let max = 1024;
  for (const match of vml.matchAll(/_x0000_s(\d{1,9})\b/g)) {
    const n = Number(match[1]);
    if (n > max) max = n;
  }
  return max;
}

const AUTHORS = 0;
const AUTHOR = 1;
const COMMENT_LIST = 2;
const COMMENT = 3;

/** Element names {@link CommentsLayoutHandler} listens to. */
export const COMMENTS_NAMES = ['authors', 'author', 'commentList', 'comment'] as const;

/**
 * Maps an existing comments part: the namespace prefix, the authors, where new authors and
 * comments go, and the cells that already have a comment.
 */
export class CommentsLayoutHandler implements XmlHandler {
  /** Never collects text. */
  readonly collecting = false;
  /** Set right after construction. */
  scanner: XmlScanner | undefined;
  /** The root's prefix, with its colon. */
  prefix = '';
  /** How many authors there are. */
  authors = 0;
  /** The start of `</authors>`, or of a self-closing `<authors/>` (-1 when none). */
  authorsEnd = -1;
  /** Whether `authors` is self-closing. */
  authorsSelfClosing = false;
  /** The end of `authors`' start tag, or of the self-closing tag. */
  authorsTagEnd = -1;
  /** The start of `</commentList>` (-1 when none). */
  listEnd = -1;
  /** The self-closing `<commentList/>`: its start and end. */
  listSelfClosing: { start: number; end: number } | undefined;
  /** The end of the root's start tag. */
  rootOpenEnd = -1;
  /** The start of the root's end tag. */
  rootClose = -1;
  /** The cells (upper-case references) that have a comment. */
  readonly cells = new Set<string>();
  private depth = 0;

  /** @inheritdoc */
  open(id: number, scanner: XmlScanner, selfClosing: boolean): void {
    if (this.depth === 0) {
      const name = scanner.buf.slice(scanner.tagStart + 1, scanner.nameEnd);
      const colon = name.indexOf(':');
      this.prefix = colon < 0 ? '' : name.slice(0, colon + 1);
      this.rootOpenEnd = scanner.tagEnd + (selfClosing ? 2 : 1);
    } else if (id === AUTHORS && this.depth === 1) {
      this.authorsSelfClosing = selfClosing;
      this.authorsTagEnd = scanner.tagEnd + (selfClosing ? 2 : 1);
      if (selfClosing) this.authorsEnd = scanner.tagStart;
    } else if (id === AUTHOR && this.depth === 2) {
      this.authors++;
    } else if (id === COMMENT_LIST && this.depth === 1 && selfClosing) {
      this.listSelfClosing = { start: scanner.tagStart, end: scanner.tagEnd + 2 };
    } else if (id === COMMENT && this.depth === 2) {
      const ref = scanner.attr('ref');
      if (ref !== undefined && ref.length <= 12) this.cells.add(ref.toUpperCase());
    }
    if (!selfClosing) this.depth++;
  }

  /** @inheritdoc */
  close(id: number): void {
    this.depth--;
    const scanner = this.scanner as XmlScanner;
    if (this.depth === 0) this.rootClose = scanner.tagStart;
    else if (this.depth === 1 && id === AUTHORS) this.authorsEnd = scanner.tagStart;
    else if (this.depth === 1 && id === COMMENT_LIST) this.listEnd = scanner.tagStart;
  }

  /** @inheritdoc */
  text(): void {}
}

/**
 * The path of part `to` relative to the folder of part `from` (`'xl/worksheets/sheet1.xml'`,
 * `'xl/comments1.xml'` → `'../comments1.xml'`).
 */
export function relativeTarget(from: string, to: string): string {
  const base = from.split('/').slice(0, -1);
  const target = to.split('/');
  let common = 0;
  while (
    common < base.length &&
    common < target.length - 1 &&
    base[common]?.toLowerCase() === target[common]?.toLowerCase()
  ) {
    common++;
  }
  return [...base.slice(common).map(() => '..'), ...target.slice(common)].join('/');
}
