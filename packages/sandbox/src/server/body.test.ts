import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonDepthExceeds, readJson } from './body.ts';
import { ApiProblem } from './problem.ts';

const request = (body: BodyInit, type = 'application/json', headers: Record<string, string> = {}) =>
  new Request('http://x/', { method: 'POST', body, headers: { 'content-type': type, ...headers } });

const problemOf = async (p: Promise<unknown>): Promise<string> => {
  try {
    await p;
    return 'none';
  } catch (error) {
    return error instanceof ApiProblem ? `${error.status} ${error.type}` : String(error);
  }
};

describe('jsonDepthExceeds', () => {
  it('agrees with the nesting of any JSON value, brackets inside strings ignored', () => {
    const depth = (v: unknown): number =>
      typeof v === 'object' && v !== null
        ? 1 + Math.max(0, ...Object.values(v as object).map(depth))
        : 0;
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer({ min: 0, max: 6 }), (value, max) => {
        expect(jsonDepthExceeds(JSON.stringify(value), max)).toBe(depth(value) > max);
      }),
    );
  });
});

describe('readJson', () => {
  it('reads JSON and +json types', async () => {
    expect((await readJson(request('{"a":1}'))).value).toEqual({ a: 1 });
    expect((await readJson(request('[1]', 'application/problem+json'))).value).toEqual([1]);
  });

  it('refuses other types (415), oversized bodies (413), bad UTF-8, deep nesting and bad JSON (400)', async () => {
    expect(await problemOf(readJson(request('{}', 'text/json')))).toBe(
      '415 unsupported-media-type',
    );
    expect(await problemOf(readJson(request('{}', '')))).toBe('415 unsupported-media-type');
    expect(
      await problemOf(
        readJson(request('{}', 'application/json', { 'content-length': String(6e6) })),
      ),
    ).toBe('413 payload-too-large');
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 6; i++) controller.enqueue(new Uint8Array(1024 * 1024).fill(32));
        controller.close();
      },
    });
    expect(
      await problemOf(
        readJson(
          new Request('http://x/', {
            method: 'POST',
            body: stream,
            duplex: 'half',
            headers: { 'content-type': 'application/json' },
          } as RequestInit),
        ),
      ),
    ).toBe('413 payload-too-large');
    expect(await problemOf(readJson(request(new Uint8Array([0x7b, 0xff, 0x7d]))))).toBe(
      '400 malformed-request',
    );
    expect(await problemOf(readJson(request('['.repeat(33))))).toBe('400 malformed-request');
    expect(await problemOf(readJson(request('{"a":')))).toBe('400 malformed-request');
  });
});
