// Only a confirmed anomaly takes a deal out of the indicators (DOMAIN §7), and a flag is always filed 待审核: naming a
// deal as the subject of an open flag changes none of its facts. Migration 8 rebuilt the deal's facts for every
// subject row, which made a first full scan (thousands of new flags) spend most of its time here. The rebuild now
// runs only when the subject joins a flag that is already confirmed; a later decision is handled by the status trigger.
//
// This file is frozen once released.
import { refreshDeals } from './008_indicator_facts';

export const sql = /* sql */ `
DROP TRIGGER indicator_facts_subject_added;
CREATE TRIGGER indicator_facts_subject_added AFTER INSERT ON flag_subjects FOR EACH ROW
  WHEN NEW.entity = 'deal' AND EXISTS (SELECT 1 FROM anomaly_flags WHERE id = NEW.flag_id AND status = '确认异常')
BEGIN${refreshDeals('NEW.entity_id')}
END;
`;
