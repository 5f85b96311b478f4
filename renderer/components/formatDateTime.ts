import dayjs from 'dayjs';

/**
 * The one way the desk shows a moment: the store keeps instants as UTC ISO strings, every screen shows them in the
 * computer's local time (Beijing time on a bureau's PC) as `2023-12-29 14:05`.
 */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const moment = dayjs(iso);
  return moment.isValid() ? moment.format('YYYY-MM-DD HH:mm') : iso;
}
