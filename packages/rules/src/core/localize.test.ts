import { describe, expect, it } from 'vitest';
import { otherIdentifierChanged } from '../rules/change.ts';
import { localize } from './localize.ts';

describe('localize', () => {
  it("fills a rule's templates in both languages", () => {
    const text = localize(otherIdentifierChanged.message, {
      symbol: 'HOC_SINH_ID',
      key: 'A',
      before: '"A"',
      after: '"B"',
    });
    expect(text).toEqual({
      vi: 'HOC_SINH_ID của A đã đổi từ "A" thành "B"',
      en: 'HOC_SINH_ID of A changed from "A" to "B"',
    });
  });

  it('leaves unknown placeholders as written and never reads inherited properties', () => {
    expect(localize({ vi: '{a} {constructor}', en: '{toString}' }, { a: 1 })).toEqual({
      vi: '1 {constructor}',
      en: '{toString}',
    });
    expect(localize({ vi: '{a}', en: '{a}' }, undefined)).toEqual({ vi: '{a}', en: '{a}' });
  });
});
