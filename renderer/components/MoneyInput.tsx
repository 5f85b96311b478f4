import { Input } from 'antd';
import { useEffect, useState } from 'react';
import { formatFenAsWan, parseWanToFen } from '../../shared/domain/money';

/**
 * An amount typed in 万元 and kept in 分: the text is parsed exactly (no float), and a text that is not an amount
 * leaves the value empty and says why under the box.
 */
export function MoneyInput(props: {
  value: number | null | undefined;
  onChange: (fen: number | null) => void;
  onBlur?: () => void;
  'aria-label': string;
  placeholder?: string;
  status?: 'error';
}) {
  const shown = (fen: number | null | undefined) => (fen === null || fen === undefined || Number.isNaN(fen) ? '' : formatFenAsWan(fen, 6).replace(/\.?0+$/, ''));
  const [text, setText] = useState(shown(props.value));
  const [problem, setProblem] = useState<string | null>(null);

  // Follow the form when it changes the value itself (a draft restored, a record loaded).
  useEffect(() => {
    const parsed = parseWanToFen(text);
    const current = parsed.ok ? parsed.fen : null;
    if (props.value !== current && !(props.value === undefined && text === '')) setText(shown(props.value));
  }, [props.value]);

  return (
    <div>
      <Input
        aria-label={props['aria-label']}
        value={text}
        suffix="万元"
        inputMode="decimal"
        placeholder={props.placeholder ?? '0.00'}
        status={problem || props.status ? 'error' : undefined}
        onBlur={props.onBlur}
        onChange={(e) => {
          const next = e.target.value;
          setText(next);
          if (next.trim() === '') {
            setProblem(null);
            props.onChange(null);
            return;
          }
          const parsed = parseWanToFen(next);
          setProblem(parsed.ok ? null : parsed.message);
          props.onChange(parsed.ok ? parsed.fen : null);
        }}
      />
      {problem && <div style={{ color: '#ff4d4f', fontSize: 12 }}>{problem}</div>}
    </div>
  );
}
