import { Route, Routes } from 'react-router-dom';
import { CrossReviewDetailView } from './CrossReviewDetailView';
import { CrossReviewQueue } from './CrossReviewQueue';

/** 跨地市审核: the queue at /cross-review, one finding at /cross-review/:fingerprint. */
export function CrossReviewPage() {
  return (
    <Routes>
      <Route index element={<CrossReviewQueue />} />
      <Route path=":fingerprint" element={<CrossReviewDetailView />} />
    </Routes>
  );
}
