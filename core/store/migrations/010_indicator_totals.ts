// Running totals over the per-enterprise and per-patent indicator facts (migrations 8 and 9), so that one region-year
// reads a handful of rows however many enterprises a large city has (DESIGN §7: ≤ 50 ms at a million deals):
// - indicator_enterprise_totals: per (region, year) the I3 count and the I3a/I3b figure sums;
// - indicator_program_enterprises / indicator_program_patents: per region, the first year since 2021 (the program's
//   first year, DOMAIN §7: cumulative 2021–2023) in which an SME benefited or a patent was named by a registration,
//   so that the distinct counts of the cumulative period are a count of rows with first_year ≤ Y.
//
// This file is frozen once released: the SQL is spelled out here (or in migration 9, equally frozen), not shared with
// code that may change.

import { FIGURES as ENTERPRISE_FIGURES } from './009_indicator_facts_more';

const PROGRAM_FIRST_YEAR = 2021;
const FIGURES = ['revenue_now', 'revenue_before', 'employees_now', 'employees_before'] as const;

const trigger = (name: string, event: string, body: string) => `CREATE TRIGGER ${name} ${event} BEGIN${body}
END;`;

/** Adds one enterprise (count 1 or -1 or 0) with figures `from` (a row alias, NULL counting as 0) times `sign`. */
const addToTotals = (row: string, count: number, figures: (column: string) => string) => `
  INSERT INTO indicator_enterprise_totals (region, year, enterprises, ${FIGURES.join(', ')})
    VALUES (${row}.region, ${row}.year, ${count}, ${FIGURES.map(figures).join(', ')})
    ON CONFLICT (region, year) DO UPDATE SET enterprises = enterprises + excluded.enterprises,
      ${FIGURES.map((c) => `${c} = ${c} + excluded.${c}`).join(', ')};
  DELETE FROM indicator_enterprise_totals WHERE region = ${row}.region AND year = ${row}.year AND enterprises = 0
    AND ${FIGURES.map((c) => `${c} = 0`).join(' AND ')};`;

const refreshFirstYear = (table: string, key: string, source: string, row: string) => `
  DELETE FROM ${table} WHERE region = ${row}.region AND ${key} = ${row}.${key};
  INSERT INTO ${table} (region, ${key}, first_year)
    SELECT region, ${key}, min(year) FROM ${source}
    WHERE region = ${row}.region AND ${key} = ${row}.${key} AND year >= ${PROGRAM_FIRST_YEAR} GROUP BY region, ${key};`;

export const sql = /* sql */ `
CREATE TABLE indicator_enterprise_totals (
  region TEXT NOT NULL,
  year INTEGER NOT NULL,
  enterprises INTEGER NOT NULL,
  revenue_now INTEGER NOT NULL,
  revenue_before INTEGER NOT NULL,
  employees_now INTEGER NOT NULL,
  employees_before INTEGER NOT NULL,
  PRIMARY KEY (region, year)
) STRICT, WITHOUT ROWID;
INSERT INTO indicator_enterprise_totals
  SELECT region, year, count(*), ${FIGURES.map((c) => `coalesce(sum(${c}), 0)`).join(', ')}
  FROM indicator_enterprise_years GROUP BY 1, 2;

CREATE TABLE indicator_program_enterprises (
  region TEXT NOT NULL,
  assignee_id TEXT NOT NULL,
  first_year INTEGER NOT NULL,
  PRIMARY KEY (region, assignee_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX indicator_program_enterprises_first ON indicator_program_enterprises(region, first_year);
INSERT INTO indicator_program_enterprises SELECT region, assignee_id, min(year) FROM indicator_enterprise_years
  WHERE year >= ${PROGRAM_FIRST_YEAR} GROUP BY 1, 2;

CREATE TABLE indicator_program_patents (
  region TEXT NOT NULL,
  patent_number TEXT NOT NULL,
  first_year INTEGER NOT NULL,
  PRIMARY KEY (region, patent_number)
) STRICT, WITHOUT ROWID;
CREATE INDEX indicator_program_patents_first ON indicator_program_patents(region, first_year);
CREATE INDEX indicator_registration_patents_patent ON indicator_registration_patents(region, patent_number, year);
INSERT INTO indicator_program_patents SELECT region, patent_number, min(year) FROM indicator_registration_patents
  WHERE year >= ${PROGRAM_FIRST_YEAR} GROUP BY 1, 2;

-- One insert trigger sets the new enterprise's figures (the update trigger adds them) and then counts it, so the
-- totals never depend on the order in which SQLite fires triggers of the same event.
DROP TRIGGER indicator_facts_benefited_added;
${trigger(
  'indicator_enterprise_years_added',
  'AFTER INSERT ON indicator_enterprise_years FOR EACH ROW',
  `
  UPDATE indicator_enterprise_years SET ${ENTERPRISE_FIGURES}
  WHERE region = NEW.region AND year = NEW.year AND assignee_id = NEW.assignee_id;
  ${addToTotals('NEW', 1, () => '0')}`,
)}
${trigger(
  'indicator_enterprise_years_figures',
  `AFTER UPDATE OF ${FIGURES.join(', ')} ON indicator_enterprise_years FOR EACH ROW`,
  addToTotals('NEW', 0, (c) => `coalesce(NEW.${c}, 0) - coalesce(OLD.${c}, 0)`),
)}
${trigger(
  'indicator_enterprise_years_removed',
  'AFTER DELETE ON indicator_enterprise_years FOR EACH ROW',
  addToTotals('OLD', -1, (c) => `-coalesce(OLD.${c}, 0)`),
)}

${trigger(
  'indicator_program_enterprises_added',
  'AFTER INSERT ON indicator_enterprise_years FOR EACH ROW',
  refreshFirstYear(
    'indicator_program_enterprises',
    'assignee_id',
    'indicator_enterprise_years INDEXED BY indicator_enterprise_years_enterprise',
    'NEW',
  ),
)}
${trigger(
  'indicator_program_enterprises_removed',
  'AFTER DELETE ON indicator_enterprise_years FOR EACH ROW',
  refreshFirstYear(
    'indicator_program_enterprises',
    'assignee_id',
    'indicator_enterprise_years INDEXED BY indicator_enterprise_years_enterprise',
    'OLD',
  ),
)}
${trigger(
  'indicator_program_patents_added',
  'AFTER INSERT ON indicator_registration_patents FOR EACH ROW',
  refreshFirstYear(
    'indicator_program_patents',
    'patent_number',
    'indicator_registration_patents INDEXED BY indicator_registration_patents_patent',
    'NEW',
  ),
)}
${trigger(
  'indicator_program_patents_removed',
  'AFTER DELETE ON indicator_registration_patents FOR EACH ROW',
  refreshFirstYear(
    'indicator_program_patents',
    'patent_number',
    'indicator_registration_patents INDEXED BY indicator_registration_patents_patent',
    'OLD',
  ),
)}
`;
