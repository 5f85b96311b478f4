/**
 * The kind of a party named on a sheet without a 类型 column (质押, 产品备案, 企业年度数据, 奖补): the kind already
 * stored for it, else what its name and code say. Re-importing never flips a stored kind.
 */
import type { PartyKind } from '../../shared/domain/enterprise';
import { normalizeOrgName } from '../../shared/domain/text';
import type { Statement } from 'better-sqlite3';
import type { ReadHandle } from '../store/store';
import type { PartyRecord } from './records';

export function guessPartyKind(name: string, uscc: string | null): PartyKind {
  if (/(大学|学院|学校)$/.test(name)) return '高校';
  if (/(研究院|研究所|研究中心|科学院)/.test(name)) return '科研院所';
  if (uscc?.startsWith('12')) return '其他';
  return '企业';
}

const statements = new WeakMap<ReadHandle, { byUscc: Statement; byName: Statement }>();

function statementsOf(db: ReadHandle) {
  let s = statements.get(db);
  if (!s) {
    s = {
      byUscc: db.prepare('SELECT kind FROM organizations WHERE uscc = ?').pluck(),
      byName: db
        .prepare(
          'SELECT kind FROM organizations WHERE name_norm = ? AND voided_at IS NULL ORDER BY uscc IS NULL, created_at LIMIT 1',
        )
        .pluck(),
    };
    statements.set(db, s);
  }
  return s;
}

export function storedPartyKind(db: ReadHandle, party: PartyRecord): PartyKind {
  const { byUscc, byName } = statementsOf(db);
  const stored =
    (party.uscc ? (byUscc.get(party.uscc) as PartyKind | undefined) : undefined) ??
    (byName.get(normalizeOrgName(party.name)) as PartyKind | undefined);
  return stored ?? guessPartyKind(party.name, party.uscc);
}
