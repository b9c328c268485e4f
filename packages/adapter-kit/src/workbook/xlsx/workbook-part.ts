import { LimitHit } from '../../errors.ts';
import type { SheetInfo } from '../types.ts';
import type { XmlHandler, XmlScanner } from './xml-scanner.ts';
import { ownText, XmlSyntaxError } from './xml-text.ts';

/** The longest relationship target or sheet name kept (part names are short; Excel's names ≤ 31). */
const MAX_NAME = 4096;

/** A name or target kept from a part: a copy of its own, refused when absurdly long. */
function kept(text: string, what: string): string {
  if (text.length > MAX_NAME) {
    throw new XmlSyntaxError(`${what} is longer than ${MAX_NAME} characters.`);
  }
  return ownText(text);
}

/**
 * One relationship of an OPC `.rels` part.
 *
 * @internal
 */
export interface Relationship {
  /** The `Id` (`rId1`). */
  readonly id: string;
  /** The `Type` URI. */
  readonly type: string;
  /** The `Target`, as written (relative or absolute). */
  readonly target: string;
  /** Whether the target is outside the package (`TargetMode="External"`). */
  readonly external: boolean;
}

/** Element names {@link RelationshipsHandler} listens to. */
export const RELATIONSHIPS_NAMES = ['Relationship'] as const;

/**
 * Collects the relationships of a `.rels` part: every one, or only those `wanted` says the
 * reader needs (so that a part listing millions keeps a handful).
 *
 * @internal
 */
export class RelationshipsHandler implements XmlHandler {
  /** Never collects text. */
  readonly collecting = false;
  /** The relationships found. */
  readonly relationships: Relationship[] = [];

  /** @param wanted - Which relationships to keep, by id and type (default: all). */
  constructor(private readonly wanted?: (id: string, type: string) => boolean) {}

  /** @inheritdoc */
  open(id: number, scanner: XmlScanner): void {
    if (id !== 0) return;
    const rid = scanner.attr('Id');
    const type = scanner.attr('Type');
    const target = scanner.attr('Target');
    if (rid === undefined || type === undefined || target === undefined) return;
    if (this.wanted !== undefined && !this.wanted(rid, type)) return;
    this.relationships.push({
      id: kept(rid, 'A relationship id'),
      type: kept(type, 'A relationship type'),
      target: kept(target, 'A relationship target'),
      external: scanner.attr('TargetMode') === 'External',
    });
  }

  /** @inheritdoc */
  close(): void {}

  /** @inheritdoc */
  text(): void {}
}

/**
 * A `<sheet>` of `workbook.xml`.
 *
 * @internal
 */
export interface SheetEntry extends SheetInfo {
  /** The relationship id (`r:id`) of the sheet's part. */
  readonly relationshipId: string;
}

/** Element names {@link WorkbookHandler} listens to. */
export const WORKBOOK_NAMES = ['sheet', 'workbookPr', 'sheets'] as const;

/**
 * Collects the sheets (name, order, visibility, relationship) and the date system of a
 * `workbook.xml`; more than `maxSheets` sheets throw a `LimitHit`.
 *
 * @internal
 */
export class WorkbookHandler implements XmlHandler {
  /** Never collects text. */
  readonly collecting = false;
  /** The sheets, in workbook order. */
  readonly sheets: SheetEntry[] = [];
  /** `'1904'` when the workbook says `date1904="1"`. */
  dateSystem: '1900' | '1904' = '1900';
  private inSheets = false;

  /** @param maxSheets - The most sheets (`Limits.maxSheets`). */
  constructor(private readonly maxSheets = Number.POSITIVE_INFINITY) {}

  /** @inheritdoc */
  open(id: number, scanner: XmlScanner, selfClosing: boolean): void {
    if (id === 2) {
      this.inSheets = !selfClosing;
    } else if (id === 1) {
      const value = scanner.attr('date1904');
      if (value === '1' || value === 'true') this.dateSystem = '1904';
    } else if (id === 0 && this.inSheets) {
      const name = scanner.attr('name');
      const relationshipId = scanner.attr('id');
      if (name === undefined || relationshipId === undefined) return;
      if (this.sheets.length >= this.maxSheets) {
        throw new LimitHit(
          'maxSheets',
          this.maxSheets,
          this.sheets.length + 1,
          'The number of sheets',
        );
      }
      const state = scanner.attr('state');
      this.sheets.push({
        name: kept(name, 'A sheet name'),
        index: this.sheets.length,
        state: state === 'hidden' || state === 'veryHidden' ? state : 'visible',
        relationshipId: kept(relationshipId, 'A relationship id'),
      });
    }
  }

  /** @inheritdoc */
  close(id: number): void {
    if (id === 2) this.inSheets = false;
  }

  /** @inheritdoc */
  text(): void {}
}

/**
 * The part name a relationship target points to, from the part whose `.rels` holds it (`''` for
 * the package's own `_rels/.rels`): `'worksheets/sheet1.xml'` from `'xl/workbook.xml'` is
 * `'xl/worksheets/sheet1.xml'`; absolute targets start at the package root.
 *
 * @internal
 */
export function resolveTarget(sourcePart: string, target: string): string {
  const path = target.replace(/\\/g, '/');
  const segments = path.startsWith('/') ? [] : sourcePart.split('/').slice(0, -1);
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  return segments.join('/');
}

/**
 * The `.rels` part of a part (`'xl/workbook.xml'` → `'xl/_rels/workbook.xml.rels'`).
 *
 * @internal
 */
export function relsPartOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/**
 * The relationship of a type, matched by the last segment of its `Type` URI so that Transitional
 * (`http://schemas.openxmlformats.org/…`) and Strict (`http://purl.oclc.org/ooxml/…`) files both
 * work: `'officeDocument'`, `'worksheet'`, `'sharedStrings'`, `'styles'`, `'calcChain'`.
 *
 * @internal
 */
export function relationshipOfType(
  relationships: readonly Relationship[],
  type: string,
): Relationship | undefined {
  return relationships.find((r) => !r.external && r.type.endsWith(`/${type}`));
}

/**
 * Where the workbook part is: the target of the package's `officeDocument` relationship, or
 * `xl/workbook.xml` when the package has no usable `_rels/.rels`.
 *
 * @internal
 */
export function workbookPartName(rootRelationships: readonly Relationship[] | undefined): string {
  const office =
    rootRelationships === undefined
      ? undefined
      : relationshipOfType(rootRelationships, 'officeDocument');
  return office === undefined ? 'xl/workbook.xml' : resolveTarget('', office.target);
}

/**
 * A sheet and the part holding it.
 *
 * @internal
 */
export interface SheetPart {
  /** What the workbook says about the sheet. */
  readonly info: SheetInfo;
  /** The sheet's part name (`xl/worksheets/sheet1.xml`). */
  readonly part: string;
}

/**
 * The parts a workbook's relationships point to.
 *
 * @internal
 */
export interface WorkbookParts {
  /** The sheets in workbook order, with their parts. */
  readonly sheets: readonly SheetPart[];
  /** The shared strings part, when there is one. */
  readonly sharedStrings: string | undefined;
  /** The styles part, when there is one. */
  readonly styles: string | undefined;
  /** The calculation chain part, when there is one. */
  readonly calcChain: string | undefined;
}

/**
 * Resolves the parts of a workbook from `workbook.xml` and its relationships; `undefined` for a
 * sheet whose relationship is missing.
 *
 * @internal
 */
export function workbookParts(
  workbookPart: string,
  sheets: readonly SheetEntry[],
  relationships: readonly Relationship[],
): WorkbookParts & { readonly unresolved: readonly SheetEntry[] } {
  const byId = new Map(relationships.map((r) => [r.id, r]));
  const resolved: SheetPart[] = [];
  const unresolved: SheetEntry[] = [];
  for (const sheet of sheets) {
    const relationship = byId.get(sheet.relationshipId);
    if (relationship === undefined || relationship.external) {
      unresolved.push(sheet);
      continue;
    }
    resolved.push({
      info: { name: sheet.name, index: sheet.index, state: sheet.state },
      part: resolveTarget(workbookPart, relationship.target),
    });
  }
  const partOf = (type: string): string | undefined => {
    const relationship = relationshipOfType(relationships, type);
    return relationship === undefined
      ? undefined
      : resolveTarget(workbookPart, relationship.target);
  };
  return {
    sheets: resolved,
    unresolved,
    sharedStrings: partOf('sharedStrings'),
    styles: partOf('styles'),
    calcChain: partOf('calcChain'),
  };
}
