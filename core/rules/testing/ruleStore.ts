import path from 'node:path';
import { tempDir } from '../../../tests/testing/tempStore';
import { openStore } from '../../store/store';
import { scanRules } from '../engine';
import type { RuleId } from '../../../shared/rules/ruleIds';
import { DEFAULT_RULE_THRESHOLDS, type RuleThresholds } from '../../../shared/rules/thresholds';
import { ruleFixtures } from './ruleFixtures';

/** A real, migrated SQLite store in a temp folder with the fixture builder over it. */
export function ruleStore() {
  const { dir, cleanup } = tempDir('patent-desk-rules-');
  const store = openStore(path.join(dir, 'rules.db'));
  const fx = ruleFixtures(store.db);
  /** What one rule finds today (or asOf), with default thresholds unless overridden. */
  const scan = (
    ruleId: RuleId,
    options: { asOf?: string; thresholds?: Partial<RuleThresholds>; dealIds?: string[] } = {},
  ) =>
    scanRules(store.db, {
      ruleIds: [ruleId],
      asOf: options.asOf ?? '2024-06-30',
      thresholds: { ...DEFAULT_RULE_THRESHOLDS, ...options.thresholds },
      dealIds: options.dealIds,
    });
  return {
    db: store.db,
    store,
    fx,
    scan,
    close: () => {
      store.close();
      cleanup();
    },
  };
}
