import type { VerificationBasis } from '../../domain/case.vocabulary';
import { CaseCommandMessage } from '../case-command';

/** Not an HTTP command: raised by a consumer when new evidence disputes a resolution. */
export class RequestReverificationCommand extends CaseCommandMessage<{ basis: VerificationBasis }> {}
