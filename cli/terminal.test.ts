import { describe, expect, it } from 'vitest';
import { terminalText } from './terminal';

describe('terminalText', () => {
  it('shows control characters and bidirectional overrides as \\u escapes and keeps line feeds and Chinese', () => {
    expect(terminalText('山西\u001b]0;x\u0007科技\u0000\u009b\u202e公司\n下一行\r')).toBe(
      '山西\\u001b]0;x\\u0007科技\\u0000\\u009b\\u202e公司\n下一行\\u000d',
    );
  });

  it('keeps JSON valid: an escaped control character inside a string parses back to itself', () => {
    const json = JSON.stringify({ name: 'a\u007fb\u0085c' });
    expect(JSON.parse(terminalText(json))).toEqual({ name: 'a\u007fb\u0085c' });
  });
});
