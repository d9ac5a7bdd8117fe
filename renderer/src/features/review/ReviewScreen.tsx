import { ComingLater } from '../../components/ComingLater';

export function ReviewScreen() {
  return <ComingLater title="review.title" purpose="review.purpose" />;
}
