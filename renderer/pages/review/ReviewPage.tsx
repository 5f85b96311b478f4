import { Route, Routes } from 'react-router-dom';
import { FlagDetailView } from './FlagDetailView';
import { ReviewQueue } from './ReviewQueue';

/** 异常审核: the queue at /review, one flag at /review/:flagId. */
export function ReviewPage() {
  return (
    <Routes>
      <Route index element={<ReviewQueue />} />
      <Route path=":flagId" element={<FlagDetailView />} />
    </Routes>
  );
}
