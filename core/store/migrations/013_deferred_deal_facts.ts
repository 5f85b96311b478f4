// A large write (an import of 100,000 rows) rebuilt each deal's indicator facts (migration 8) row by row, one deal
// and one payment at a time: four statements per deal, most of the write's cost. Such a writer may now defer them:
// while indicator_deferral holds its row, the deal and payment triggers only note the deal in indicator_dirty_deals,
// and removing the row rebuilds every noted deal in one set-based pass (indicator_facts_flush). The row only ever
// exists inside the writer's transaction, so no other connection sees the facts behind, and a rollback takes the
// notes with it. Every other write keeps rebuilding at once, exactly as before.
//
// This file is frozen once released: the SQL is spelled out here (or in migration 8, equally frozen).
import { refreshDeals, refreshPayments } from './008_indicator_facts';

const NOT_DEFERRED = 'NOT EXISTS (SELECT 1 FROM indicator_deferral)';
const DEFERRED = 'EXISTS (SELECT 1 FROM indicator_deferral)';

// Not INSERT OR IGNORE: a statement that fires a trigger imposes its own conflict policy on the trigger's statements
// (province ingest writes with an upsert), so the note checks for itself.
const note = (ids: string[]) =>
  ids
    .map(
      (id) => `
  INSERT INTO indicator_dirty_deals (deal_id) SELECT ${id} WHERE NOT EXISTS (SELECT 1 FROM indicator_dirty_deals WHERE deal_id = ${id});`,
    )
    .join('');

/** The trigger as migration 8 made it, now only outside a deferral, and its twin that notes the deal inside one. */
const deferrable = (name: string, event: string, rebuild: string, ids: string[]) => `
DROP TRIGGER ${name};
CREATE TRIGGER ${name} ${event} WHEN ${NOT_DEFERRED} BEGIN${rebuild}
END;
CREATE TRIGGER ${name}_deferred ${event} WHEN ${DEFERRED} BEGIN${note(ids)}
END;`;

const DEAL_CHANGED = `AFTER UPDATE OF id, voided_at, recordation_date, assignor_id, assignee_id, assignee_size, industry, patent_count,
  amount_fen ON deals FOR EACH ROW`;
const PAYMENT_CHANGED = 'AFTER UPDATE OF id, deal_id, paid_date, amount_fen, voided_at ON payments FOR EACH ROW';

export const sql = /* sql */ `
CREATE TABLE indicator_deferral (id INTEGER PRIMARY KEY CHECK (id = 1)) STRICT;
CREATE TABLE indicator_dirty_deals (deal_id TEXT PRIMARY KEY) STRICT, WITHOUT ROWID;
${deferrable('indicator_facts_deal_added', 'AFTER INSERT ON deals FOR EACH ROW', refreshDeals('NEW.id'), ['NEW.id'])}
${deferrable('indicator_facts_deal_changed', DEAL_CHANGED, refreshDeals('OLD.id, NEW.id'), ['OLD.id', 'NEW.id'])}
${deferrable('indicator_facts_deal_removed', 'AFTER DELETE ON deals FOR EACH ROW', refreshDeals('OLD.id'), ['OLD.id'])}
${deferrable('indicator_facts_payment_added', 'AFTER INSERT ON payments FOR EACH ROW', refreshPayments('NEW.deal_id'), ['NEW.deal_id'])}
${deferrable('indicator_facts_payment_changed', PAYMENT_CHANGED, refreshPayments('OLD.deal_id, NEW.deal_id'), ['OLD.deal_id', 'NEW.deal_id'])}
${deferrable('indicator_facts_payment_removed', 'AFTER DELETE ON payments FOR EACH ROW', refreshPayments('OLD.deal_id'), ['OLD.deal_id'])}

CREATE TRIGGER indicator_facts_flush AFTER DELETE ON indicator_deferral FOR EACH ROW BEGIN${refreshDeals('SELECT deal_id FROM indicator_dirty_deals')}
  DELETE FROM indicator_dirty_deals;
END;
`;
