import type { FeedbackItem } from '../../shared/sync/batch';
import { NOTICE_FEEDBACK, TARGET_FEEDBACK, targetFeedbackEvidence } from '../../shared/sync/feedbackKinds';
import { applyProvinceTargets } from '../indicators/targetsStore';
import type { Writer } from '../service/context';
import { provinceWriterOf } from '../province/store/provinceWriter';
import { readInstallation } from '../system/installation';
import { fileNotice } from './notices';

/**
 * The feedback items that are not findings: targets the province set for this region (省级下达, read-only here) and
 * notices for 首页. Only what is addressed to this installation's region is taken, whatever the item says.
 */
export async function fileProvinceItems(w: Writer, items: readonly FeedbackItem[]): Promise<void> {
  const region = readInstallation(w.db)?.regionCode;
  for (const item of items) {
    if (item.regionCode !== region) continue;
    if (item.ruleId === NOTICE_FEEDBACK) fileNotice(w, item);
    if (item.ruleId === TARGET_FEEDBACK) {
      const parsed = targetFeedbackEvidence.safeParse(item.evidence);
      if (parsed.success)
        await applyProvinceTargets(
          provinceWriterOf(w),
          parsed.data.targets.filter((t) => t.regionCode === region),
        );
    }
  }
}
