import { Input } from 'antd';
import { useState } from 'react';
import { formatFenAsWan, parseWanToFen } from '../../shared/domain/money';

/**
 * An amount typed in 万元 and kept in 分: the text is parsed exactly (no float). A text that is not an amount is
 * handed to the form as it is, so the form's schema refuses it with the reason (one message, under the field) and
 * saving stops, instead of the field quietly becoming empty.
 */
export function MoneyInput(props: {
  value: number | string | null | undefined;
  onChange: (fen: number | string | null) => void;
  onBlur?: () => void;
  'aria-label': string;
  placeholder?: string;
  status?: 'error';
}) {
  const shown = (value: number | string | null | undefined) =>
    typeof value === 'string'
      ? value
      : value === null || value === undefined || Number.isNaN(value)
        ? ''
        : formatFenAsWan(value, 6).replace(/\.?0+$/, '');
  const [text, setText] = useState(shown(props.value));

  // Follow the form when it changes the value itself (a draft restored, a record loaded), not when it only echoes
  // what was typed here.
  const [followed, setFollowed] = useState(props.value);
  if (props.value !== followed) {
    setFollowed(props.value);
    const parsed = parseWanToFen(text);
    const current = parsed.ok ? parsed.fen : text.trim() === '' ? null : text;
    if (props.value !== current && !(props.value === undefined && text === '')) setText(shown(props.value));
  }

  return (
    <Input
      aria-label={props['aria-label']}
      value={text}
      suffix="万元"
      inputMode="decimal"
      placeholder={props.placeholder ?? '0.00'}
      status={props.status}
      onBlur={props.onBlur}
      onChange={(e) => {
        const next = e.target.value;
        setText(next);
        if (next.trim() === '') return props.onChange(null);
        const parsed = parseWanToFen(next);
        props.onChange(parsed.ok ? parsed.fen : next);
      }}
    />
  );
}
