// A party's record is saved whole by its form, so most saves leave its kind, size and region as they were. The
// indicator facts of a party's deals, registrations and pledges (migrations 8 and 9) are now rebuilt only when a
// column they depend on really changes, and only on the side that depends on it: the assignee side of a deal on
// size and region (I1), the assignor side on kind and region (I2), registrations on size and region, pledges on the
// region. A university with 15,000 deals no longer rebuilds them all when its phone number is corrected.
//
// This file is frozen once released.
import { refreshDeals } from './008_indicator_facts';
import { refreshPledges, refreshRegistrations } from './009_indicator_facts_more';

const changed = (columns: string[]) => ['id', ...columns].map((c) => `OLD.${c} IS NOT NEW.${c}`).join(' OR ');

const onChange = (name: string, columns: string[], refresh: (org: string) => string) => `
CREATE TRIGGER ${name} AFTER UPDATE OF ${['id', ...columns].join(', ')} ON organizations FOR EACH ROW
  WHEN ${changed(columns)} BEGIN${refresh('OLD.id')}${refresh('NEW.id')}
END;`;

const asAssignee = (org: string) =>
  refreshDeals(`SELECT id FROM deals INDEXED BY deals_assignee WHERE assignee_id = ${org}`);
const asAssignor = (org: string) =>
  refreshDeals(`SELECT id FROM deals INDEXED BY deals_assignor WHERE assignor_id = ${org}`);
const asEnterprise = (org: string) =>
  refreshRegistrations(
    `SELECT id FROM product_registrations INDEXED BY product_registrations_live_by_enterprise WHERE enterprise_id = ${org} AND voided_at IS NULL`,
  );
const asPledgor = (org: string) =>
  refreshPledges(`SELECT id FROM pledges INDEXED BY pledges_pledgor WHERE pledgor_id = ${org}`);

export const sql = /* sql */ `
DROP TRIGGER indicator_facts_party_changed;
DROP TRIGGER indicator_facts_holder_changed;
${onChange('indicator_facts_assignee_changed', ['size', 'city_code'], asAssignee)}
${onChange('indicator_facts_assignor_changed', ['kind', 'city_code'], asAssignor)}
${onChange('indicator_facts_enterprise_changed', ['size', 'city_code'], asEnterprise)}
${onChange('indicator_facts_pledgor_changed', ['city_code'], asPledgor)}
`;
