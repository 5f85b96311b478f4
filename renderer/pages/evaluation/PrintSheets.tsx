import type { EvaluationSheet } from '../../../shared/contract/indicators';
import { PrintRoot } from '../../components/PrintRoot';
import { EvaluationSheetView } from './EvaluationSheetView';

/** The evaluation sheets for print media, one A4 page (or more) per sheet. */
export function PrintSheets({ sheets, run = null }: { sheets: EvaluationSheet[]; run?: string | null }) {
  return (
    <PrintRoot ready={sheets.length > 0} run={run}>
      {sheets.map((sheet) => (
        <EvaluationSheetView key={`${sheet.region}-${sheet.year}`} sheet={sheet} />
      ))}
    </PrintRoot>
  );
}
