import { Tabs } from 'antd';
import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router-dom';

/**
 * The tabs of a 供需对接 page, the open one kept in the address (?tab=…, the first when none) so that 返回 from a
 * need's or a patent's matches comes back to the list it was opened from. A tab's content is made afresh when it is
 * opened.
 */
export function AddressTabs({ items }: { items: { key: string; label: string; children: ReactNode }[] }) {
  const [params, setParams] = useSearchParams();
  const asked = params.get('tab');
  const active = items.find((t) => t.key === asked)?.key ?? items[0]?.key;
  return (
    <Tabs
      destroyOnHidden
      activeKey={active}
      onChange={(key) => setParams({ tab: key }, { replace: true })}
      items={items}
    />
  );
}
