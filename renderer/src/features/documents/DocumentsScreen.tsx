import { ComingLater } from '../../components/ComingLater';

export function DocumentsScreen() {
  return <ComingLater title="documents.title" purpose="documents.purpose" />;
}
