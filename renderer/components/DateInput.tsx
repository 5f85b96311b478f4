import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import type { FocusEvent, KeyboardEvent } from 'react';
import { isIsoDate, parseDate } from '../../shared/domain/dates';

/**
 * Shown as `2023-12-29`; typed also as `20231229`, `2023/12/29`, `2023.12.29`, `2023年12月29日` (the parser of the
 * import, shared/domain/dates). Antd takes the first forms while typing; the shared parser reads the box on Enter and
 * when it is left, where the picker would otherwise throw the text away.
 */
const FORMATS = ['YYYY-MM-DD', 'YYYYMMDD', 'YYYY/MM/DD', 'YYYY.MM.DD', 'YYYY/M/D', 'YYYY.M.D', 'YYYY-M-D'];

/** A calendar date kept as ISO `YYYY-MM-DD`; what cannot be read reaches the form as typed, to be refused there. */
export function DateInput(props: {
  value: string | null | undefined;
  onChange: (iso: string | null) => void;
  onBlur?: () => void;
  'aria-label': string;
  placeholder?: string;
  status?: 'error';
}) {
  const typed = (text: string) => {
    const trimmed = text.trim();
    if (trimmed === '' || trimmed === props.value) return;
    const parsed = parseDate(trimmed);
    props.onChange(parsed.ok ? parsed.iso : trimmed);
  };
  return (
    <DatePicker
      aria-label={props['aria-label']}
      style={{ width: '100%' }}
      format={FORMATS}
      placeholder={props.value && !isIsoDate(props.value) ? props.value : (props.placeholder ?? 'YYYY-MM-DD')}
      value={props.value && isIsoDate(props.value) ? dayjs(props.value, 'YYYY-MM-DD') : null}
      onChange={(d) => props.onChange(d ? d.format('YYYY-MM-DD') : null)}
      onKeyDown={(e: KeyboardEvent<HTMLElement>) => {
        if (e.key === 'Enter') typed((e.target as HTMLInputElement).value);
      }}
      onBlur={(e: FocusEvent<HTMLElement>) => {
        typed((e.target as HTMLInputElement).value ?? '');
        props.onBlur?.();
      }}
      status={props.status}
    />
  );
}
