import { PageRoutes } from '../../components/PageRoutes';
import { FlagDetailView } from './FlagDetailView';
import { ReviewQueue } from './ReviewQueue';

/** 异常审核: the queue at /review, one flag at /review/:flagId. */
export function ReviewPage() {
  return <PageRoutes main={<ReviewQueue />} path=":flagId" element={<FlagDetailView />} />;
}
