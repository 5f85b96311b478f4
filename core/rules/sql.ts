/**
 * SQL fragments the rules share. Rules compare parties by a key that survives installations: the province store
 * holds every region's records, where the same enterprise may carry different ids, so the key is the USCC, else
 * the normalized name.
 */

/** The date a deal happened for the rules: its recordation date, else its contract date (DOMAIN §8, R01). */
export const dealDate = (d: string) => `coalesce(${d}.recordation_date, ${d}.contract_date)`;

/** A party's identity across installations. */
export const partyKey = (o: string) => `coalesce(${o}.uscc, 'N:' || ${o}.name_norm)`;

/**
 * Restricts a query to the deals of a run: nothing for a full scan, otherwise an IN over the JSON list bound as
 * @dealIds (json_each keeps one statement whatever the list's length).
 */
export function inScope(column: string, dealIds: readonly string[] | null): string {
  return dealIds === null ? '1' : `${column} IN (SELECT value FROM json_each(@dealIds))`;
}

export function scopeParams(dealIds: readonly string[] | null): Record<string, string> {
  return dealIds === null ? {} : { dealIds: JSON.stringify(dealIds) };
}

export const TYPE_BY_RANK = ['', '发明', '实用新型', '外观设计'] as const;

/** Natural expiry (DOMAIN §4) in SQL; SQLite rolls 29 Feb + n years to 1 Mar, so "−1 day" gives 28 Feb as required. */
export const naturalExpirySql = (p: string) =>
  `date(${p}.filing_date, CASE ${p}.type WHEN '发明' THEN '+20 years' WHEN '实用新型' THEN '+10 years'
     ELSE CASE WHEN ${p}.filing_date >= '2021-06-01' THEN '+15 years' ELSE '+10 years' END END, '-1 day')`;
