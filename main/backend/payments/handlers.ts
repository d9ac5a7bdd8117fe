import type { Handlers } from '../../../shared/contract';
import { flagger } from '../applications/with-flags';
import type { CallContext } from '../dispatch';
import { envFor } from '../handler-deps';
import type { HandlerDeps } from '../handler-deps';
import { addPayment, cancelPayment } from './payment-commands';

export function paymentHandlers(deps: HandlerDeps): Pick<Handlers<CallContext>, 'applications.addPayment' | 'applications.cancelPayment'> {
  const flags = flagger(deps);
  return {
    'applications.addPayment': (input, ctx) => flags.application(addPayment(envFor(deps, ctx), input)),
    'applications.cancelPayment': (input, ctx) => flags.application(cancelPayment(envFor(deps, ctx), input)),
  };
}
