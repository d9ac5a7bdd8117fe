import type { Handlers } from '../../../shared/contract';
import type { CallContext } from '../dispatch';
import { envFor } from '../handler-deps';
import type { HandlerDeps } from '../handler-deps';
import { addPayment, cancelPayment } from './payment-commands';

export function paymentHandlers(deps: HandlerDeps): Pick<Handlers<CallContext>, 'applications.addPayment' | 'applications.cancelPayment'> {
  return {
    'applications.addPayment': (input, ctx) => addPayment(envFor(deps, ctx), input),
    'applications.cancelPayment': (input, ctx) => cancelPayment(envFor(deps, ctx), input),
  };
}
