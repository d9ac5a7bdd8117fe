import { ComingLater } from '../../components/ComingLater';

export function IntakeScreen() {
  return <ComingLater title="intake.title" purpose="intake.purpose" />;
}
