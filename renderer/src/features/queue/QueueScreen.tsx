import { ComingLater } from '../../components/ComingLater';

export function QueueScreen() {
  return <ComingLater title="queue.title" purpose="queue.purpose" />;
}
