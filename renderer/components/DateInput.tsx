import { DatePicker } from 'antd';
import dayjs from 'dayjs';

/** A calendar date kept as ISO `YYYY-MM-DD`; typing `2023-03-01` works as well as picking. */
export function DateInput(props: {
  value: string | null | undefined;
  onChange: (iso: string | null) => void;
  onBlur?: () => void;
  'aria-label': string;
  placeholder?: string;
  status?: 'error';
}) {
  return (
    <DatePicker
      aria-label={props['aria-label']}
      style={{ width: '100%' }}
      format="YYYY-MM-DD"
      placeholder={props.placeholder ?? 'YYYY-MM-DD'}
      value={props.value ? dayjs(props.value, 'YYYY-MM-DD') : null}
      onChange={(d) => props.onChange(d ? d.format('YYYY-MM-DD') : null)}
      onBlur={props.onBlur}
      status={props.status}
    />
  );
}
