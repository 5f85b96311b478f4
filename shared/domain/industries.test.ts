import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INDUSTRIES, isIndustry } from './industries';

describe('INDUSTRIES', () => {
  it('lists the 14 strategic emerging industries of 晋政发〔2021〕17号 and then 其他', () => {
    expect(INDUSTRIES).toHaveLength(15);
    expect(INDUSTRIES[0]).toBe('信息技术应用创新');
    expect(INDUSTRIES[13]).toBe('节能环保');
    expect(INDUSTRIES[14]).toBe('其他');
    expect(new Set(INDUSTRIES).size).toBe(15);
  });

  it('recognizes exactly its own members', () => {
    expect(isIndustry('碳基新材料')).toBe(true);
    expect(isIndustry('碳基材料')).toBe(false);
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(isIndustry(s)).toBe((INDUSTRIES as readonly string[]).includes(s));
      }),
    );
  });
});
