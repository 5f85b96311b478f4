import { newId } from '../../store/ids';
import type { FlagDecision, FlagStatus } from '../../../shared/rules/ruleIds';
import type { ServiceContext } from '../../service/context';
import { DeskError, notFound } from '../../service/errors';
import { whyCannotDecide } from './detail';

/**
 * Records a decision (or a reopening, back to 待审核) with its reason, reviewer and time, audited. The status on the
 * flag is the latest decision; the history stays in flag_decisions.
 */
export function recordDecision(
  ctx: ServiceContext,
  flagId: string,
  decision: FlagDecision | '待审核',
  reason: string,
): void {
  const actor = ctx.requireActor();
  ctx.write((w) => {
    const flag = w.db.prepare('SELECT status, rule_id AS ruleId FROM anomaly_flags WHERE id = ?').get(flagId) as
      { status: FlagStatus; ruleId: string } | undefined;
    if (!flag) throw notFound('该异常记录');
    const refusal = whyCannotDecide(w.db, flagId, actor);
    if (refusal) throw new DeskError('FORBIDDEN', refusal);
    if (decision === '待审核' && flag.status === '待审核')
      throw new DeskError('VALIDATION', '该异常尚未审核，无需重新打开');
    if (decision !== '待审核' && flag.status !== '待审核' && flag.status !== '需补充材料') {
      throw new DeskError('VALIDATION', `该异常已审核为“${flag.status}”；如需改变结论，请先重新打开`);
    }
    w.db
      .prepare(
        'INSERT INTO flag_decisions (id, flag_id, decision, reason, reviewer_id, decided_at) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(newId(), flagId, decision, reason, actor.id, w.at);
    w.db.prepare('UPDATE anomaly_flags SET status = ?, updated_at = ? WHERE id = ?').run(decision, w.at, flagId);
    w.record({
      action: decision === '待审核' ? 'flag.reopen' : 'flag.decide',
      entity: 'anomaly_flag',
      entityId: flagId,
      detail: { rule: flag.ruleId, from: flag.status, to: decision, reason },
    });
  });
}
