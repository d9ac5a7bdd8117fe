import { useT } from '../../i18n/use-t';
import { AuthPage } from './AuthPage';
import { SignInForm } from './SignInForm';

/** Nobody is signed in at this desk: nothing of the app shows until someone does. */
export function SignInScreen({ pinAllowed }: { pinAllowed: boolean }) {
  const t = useT();
  return (
    <AuthPage title={t('auth.signIn.title')} intro={t('auth.signIn.intro')}>
      <SignInForm pinAllowed={pinAllowed} idPrefix="sign-in" />
    </AuthPage>
  );
}
