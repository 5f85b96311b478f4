import type { ReactNode } from 'react';
import { createPortal } from 'react-dom';
import './printRoot.css';

/**
 * What print media sees: a portal beside the app root, hidden on screen; the print stylesheet hides the app and
 * shows only this, on A4 (the 成效评价表, the 定期通报). `ready` tells scripts and tests that the content is painted;
 * `run` that a print view asked to compute afresh has done so.
 */
export function PrintRoot({
  ready,
  run = null,
  children,
}: {
  ready: boolean;
  run?: string | null;
  children: ReactNode;
}) {
  return createPortal(
    <div className="print-root" data-testid="print-root" data-ready={ready ? 'true' : 'false'} data-run={run ?? ''}>
      {children}
    </div>,
    document.body,
  );
}
