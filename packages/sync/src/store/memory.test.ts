import { describe, expect, it } from 'vitest';
import { testOutboxStore } from '../testing.ts';
import { createMemoryStore } from './memory.ts';

testOutboxStore('memory', () => createMemoryStore());

describe('createMemoryStore', () => {
  it('takes a smaller record cap, and refuses one out of range', async () => {
    const store = createMemoryStore({ maxRecordBytes: 100 });
    const change = {
      id: 'a',
      truongId: 'T',
      entity: 'HocSinh',
      recordKey: 'k',
      kind: 'upsert' as const,
      record: { x: 'a'.repeat(100) },
      occurredAt: '2030-01-01T00:00:00Z',
    };
    await expect(store.enqueue([change], new Date())).rejects.toMatchObject({ code: 'too-large' });
    expect(() => createMemoryStore({ maxRecordBytes: 0 })).toThrow(RangeError);
    expect(() => createMemoryStore({ maxRecordBytes: 2 ** 27 })).toThrow(RangeError);
  });
});
