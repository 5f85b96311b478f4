import { describe, expect, it } from 'vitest';
import { safePdfName } from './print';

describe('the file name of a saved evaluation sheet', () => {
  it('keeps Chinese names and adds .pdf', () => {
    expect(safePdfName('太原市2022年度成效评价表')).toBe('太原市2022年度成效评价表.pdf');
  });
  it('never leaves a folder separator or a character Windows refuses', () => {
    expect(safePdfName('../太原/市:2022?')).toBe('.._太原_市_2022_.pdf');
  });
  it('falls back to a default name', () => {
    expect(safePdfName('   ')).toBe('成效评价表.pdf');
  });
});
