import { describe, expect, it } from 'vitest';
import { cleanClassList } from './clean.ts';

describe('cleanClassList (example)', () => {
  const { rows, duplicates } = cleanClassList([
    { name: '  nguyễn   văn AN '.normalize('NFD'), birthDate: '05/09/2016' },
    { name: 'LÊ THỊ HÒA', birthDate: 42618 },
    { name: 'Lê Thị Hoà', birthDate: '2016-09-05' },
    { name: 'TrÇn Thu Thñy', nameFont: '.VnTime', birthDate: '42700' },
    { name: 'Phạm Minh Khoa', birthDate: '31/02/2016' },
    { name: '', birthDate: '01/01/2016' },
  ]);

  it('cleans names and dates from every form', () => {
    expect(rows.slice(0, 4)).toEqual([
      { row: 1, name: 'Nguyễn Văn An', key: 'nguyen van an|2016-09-05', birthDate: '2016-09-05' },
      { row: 2, name: 'Lê Thị Hoà', key: 'le thi hoa|2016-09-05', birthDate: '2016-09-05' },
      { row: 3, name: 'Lê Thị Hoà', key: 'le thi hoa|2016-09-05', birthDate: '2016-09-05' },
      { row: 4, name: 'Trần Thu Thuỷ', key: 'tran thu thuy|2016-11-26', birthDate: '2016-11-26' },
    ]);
  });

  it('reports bad rows instead of dropping them', () => {
    expect(rows).toHaveLength(6);
    expect(rows[4]).toMatchObject({
      row: 5,
      problem: expect.stringMatching(/February 2016 has 29 days/),
    });
    expect(rows[5]).toEqual({ row: 6, problem: 'the name is empty' });
  });

  it('finds the same pupil written two ways', () => {
    expect(duplicates).toEqual([['row 2', 'row 3']]);
  });
});
