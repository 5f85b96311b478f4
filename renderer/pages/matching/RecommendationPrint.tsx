import { Alert, Button } from 'antd';
import { useParams, useSearchParams } from 'react-router-dom';
import type { NeedRow, PatentMatch } from '../../../shared/contract/matching';
import { useSession } from '../../app/session';
import { PageHeader } from '../../components/PageHeader';
import { PrintRoot } from '../../components/PrintRoot';
import { useCall } from '../../data/useCall';
import { printSheets } from '../evaluation/printing';
import { SheetPaper } from '../evaluation/SheetActions';
import { RecommendationSheet } from './RecommendationSheet';

/** The 推荐清单 as printed from a need's page: its ten best patents. */
export const RECOMMENDED = 10;

/**
 * The sheet of a need, ready to print: in the print root (on the need's page and on its print route), and — on the
 * print route — previewed on screen as a sheet of paper.
 */
export function RecommendationPrintRoot({
  need,
  matches,
  run = null,
  preview = false,
}: {
  need: NeedRow | null;
  matches: PatentMatch[];
  run?: string | null;
  preview?: boolean;
}) {
  const { status } = useSession();
  const sheet = need && (
    <RecommendationSheet
      need={need}
      matches={matches}
      today={status.today}
      bureau={`${status.region?.name ?? ''}知识产权局`}
    />
  );
  return (
    <>
      {preview && sheet && <SheetPaper>{sheet}</SheetPaper>}
      <PrintRoot ready={need !== null} run={run}>
        {sheet}
      </PrintRoot>
    </>
  );
}

/**
 * /matching/needs/:needId/print?limit=N: the 推荐清单 alone (the N best patents, 10 unless said), computed afresh for
 * each `run`, for printing or saving as PDF from a script (as the evaluation sheets and the bulletin are).
 */
export function RecommendationPrint() {
  const { needId = '' } = useParams();
  const [params] = useSearchParams();
  const run = params.get('run');
  const limit = Math.min(50, Math.max(1, Number(params.get('limit')) || RECOMMENDED));
  const { value: loaded, error, loading } = useCall('matching.forNeed', { needId, limit }, run);
  if (error) return <Alert type="error" showIcon message="推荐清单生成失败" description={error} />;
  return (
    <>
      <PageHeader
        title="推荐清单（打印视图）"
        description={loaded?.need.enterpriseName}
        extra={<Button onClick={() => void printSheets()}>打印</Button>}
      />
      <RecommendationPrintRoot
        need={loaded?.need ?? null}
        matches={loaded?.matches ?? []}
        run={loading ? null : run}
        preview
      />
    </>
  );
}
