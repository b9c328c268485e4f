import { describe, expect, it } from 'vitest';
import { Directory } from './directory.ts';

describe('Directory', () => {
  const d = new Directory([
    { id: '79', kind: 'so', name: 'Sở' },
    { id: 'P1', kind: 'phong', name: 'Phòng 1', parentId: '79' },
    { id: 'P2', kind: 'phong', name: 'Phòng 2', parentId: '79' },
    { id: 'T1', kind: 'truong', name: 'A', parentId: 'P1' },
    { id: 'T2', kind: 'truong', name: 'B', parentId: 'P2' },
    { id: 'T3', kind: 'truong', name: 'C', parentId: '79' },
    { id: 'X', kind: 'phong', name: 'cycle', parentId: 'Y' },
    { id: 'Y', kind: 'phong', name: 'cycle', parentId: 'X' },
  ]);

  it('gives each unit the schools under it', () => {
    expect(d.schoolsOf('79')).toEqual(['T1', 'T2', 'T3']);
    expect(d.schoolsOf('P1')).toEqual(['T1']);
    expect(d.schoolsOf('T2')).toEqual(['T2']);
    expect(d.schoolsOf('X')).toEqual([]);
  });

  it('reaches only schools, only below', () => {
    expect(d.reaches('P1', 'T1')).toBe(true);
    expect(d.reaches('P1', 'T2')).toBe(false);
    expect(d.reaches('T1', 'T1')).toBe(true);
    expect(d.reaches('79', 'P1')).toBe(false);
    expect(d.reaches('X', 'Y')).toBe(false);
    expect(d.reaches('79', 'nope')).toBe(false);
  });
});
