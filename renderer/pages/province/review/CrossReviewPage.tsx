import { PageRoutes } from '../../../components/PageRoutes';
import { CrossReviewDetailView } from './CrossReviewDetailView';
import { CrossReviewQueue } from './CrossReviewQueue';

/** 跨地市审核: the queue at /cross-review, one finding at /cross-review/:fingerprint. */
export function CrossReviewPage() {
  return <PageRoutes main={<CrossReviewQueue />} path=":fingerprint" element={<CrossReviewDetailView />} />;
}
