import { createPortal } from 'react-dom';
import type { EvaluationSheet } from '../../../shared/contract/indicators';
import { EvaluationSheetView } from './EvaluationSheetView';

/**
 * The sheets as print media sees them: a portal beside the app root, hidden on screen; the print stylesheet hides
 * the app and shows only these, one A4 page (or more) per sheet.
 */
export function PrintSheets({ sheets, run = null }: { sheets: EvaluationSheet[]; run?: string | null }) {
  return createPortal(
    <div className="print-root" data-testid="print-root" data-ready={sheets.length > 0 ? 'true' : 'false'} data-run={run ?? ''}>
      {sheets.map((sheet) => (
        <EvaluationSheetView key={`${sheet.region}-${sheet.year}`} sheet={sheet} />
      ))}
    </div>,
    document.body,
  );
}
