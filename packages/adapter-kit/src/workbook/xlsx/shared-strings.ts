import { LimitHit, type Limits } from '../../errors.ts';
import type { XmlHandler, XmlScanner } from './xml-scanner.ts';
import { cutText, ownText, unescapeOoxml } from './xml-text.ts';

/**
 * A workbook's shared strings (`sharedStrings.xml`), decoded once: the text of each `<si>` — a
 * plain `<t>` or the `<t>` of its rich-text runs `<r>`, never the phonetic `<rPh>` runs — with
 * entities and OOXML `_xHHHH_` escapes replaced, kept as stored otherwise (white space and
 * Unicode normalization untouched), cut at `maxCellLength`. Each string is a copy of its own
 * (never a slice keeping a decoded chunk alive); the table is bounded by `maxSharedStrings` and
 * `maxSharedStringsLength`.
 *
 * @internal
 */
export interface SharedStrings {
  /** The strings by index. */
  readonly strings: readonly string[];
  /** The indexes of strings that were longer than `maxCellLength` and were cut. */
  readonly truncated: ReadonlySet<number>;
}

/**
 * No shared strings (a workbook without `sharedStrings.xml`).
 *
 * @internal
 */
export const NO_SHARED_STRINGS: SharedStrings = { strings: [], truncated: new Set() };

/** Element names {@link SharedStringsHandler} listens to. */
export const SHARED_STRINGS_NAMES = ['si', 't', 'rPh'] as const;
const SI = 0;
const T = 1;
const RPH = 2;

/**
 * Collects {@link SharedStrings} from a `sharedStrings.xml` scan.
 *
 * @internal
 */
export class SharedStringsHandler implements XmlHandler {
  /** Whether the scanner is inside a `<t>` that belongs to the string. */
  collecting = false;
  private readonly strings: string[] = [];
  private readonly truncated = new Set<number>();
  private inSi = false;
  private phonetic = 0;
  private text_ = '';
  /** The characters of the strings kept so far. */
  private length = 0;
  /** Text beyond this many characters is dropped while collecting (escapes are 7 characters). */
  private readonly collectLimit: number;
  private readonly maxCellLength: number;
  private readonly maxStrings: number;
  private readonly maxLength: number;

  /**
   * @param limits - Longer strings than `maxCellLength` are cut and reported in `truncated`; more
   * strings than `maxSharedStrings`, or more characters than `maxSharedStringsLength`, throw a
   * `LimitHit`.
   */
  constructor(
    limits: Pick<Limits, 'maxCellLength' | 'maxSharedStrings' | 'maxSharedStringsLength'>,
  ) {
    this.maxCellLength = limits.maxCellLength;
    this.maxStrings = limits.maxSharedStrings;
    this.maxLength = limits.maxSharedStringsLength;
    this.collectLimit = this.maxCellLength * 7 + 16;
  }

  /** @inheritdoc */
  open(id: number, _scanner: XmlScanner, selfClosing: boolean): void {
    if (id === SI) {
      if (this.strings.length >= this.maxStrings) {
        throw new LimitHit(
          'maxSharedStrings',
          this.maxStrings,
          this.strings.length + 1,
          'The number of shared strings',
        );
      }
      if (selfClosing) {
        this.strings.push('');
      } else {
        this.inSi = true;
        this.text_ = '';
      }
    } else if (id === RPH && !selfClosing) {
      this.phonetic++;
    } else if (id === T && !selfClosing && this.inSi && this.phonetic === 0) {
      this.collecting = true;
    }
  }

  /** @inheritdoc */
  close(id: number): void {
    if (id === T) {
      this.collecting = false;
    } else if (id === RPH) {
      this.phonetic--;
    } else if (id === SI && this.inSi) {
      this.inSi = false;
      let text = unescapeOoxml(this.text_);
      this.text_ = '';
      if (text.length > this.maxCellLength) {
        text = cutText(text, this.maxCellLength);
        this.truncated.add(this.strings.length);
      }
      this.length += text.length;
      if (this.length > this.maxLength) {
        throw new LimitHit(
          'maxSharedStringsLength',
          this.maxLength,
          this.length,
          'The number of characters of the shared strings',
        );
      }
      this.strings.push(ownText(text));
    }
  }

  /** @inheritdoc */
  text(text: string): void {
    if (this.text_.length < this.collectLimit) this.text_ += text;
  }

  /** The strings found. */
  result(): SharedStrings {
    return { strings: this.strings, truncated: this.truncated };
  }
}
