import type { Migration } from '../migrate';
import { m0001DeskMeta } from './0001-desk-meta';
import { m0002Domain } from './0002-domain';
import { m0003IntakeDrafts } from './0003-intake-drafts';
import { m0004OutboxUnacked } from './0004-outbox-unacked';
import { m0005OutboxOneStatusIndex } from './0005-outbox-one-status-index';
import { m0006StatusHistorySynced } from './0006-status-history-synced';
import { m0007IntakeForEveryApplicant } from './0007-intake-for-every-applicant';
import { m0008SearchTiers } from './0008-search-tiers';
import { m0009InformationCard } from './0009-information-card';
import { m0010CaseRecord } from './0010-case-record';
import { m0011ApplicationPayments } from './0011-application-payments';
import { m0012StatusModel } from './0012-status-model';
import { m0013Queue } from './0013-queue';
import { m0014Documents } from './0014-documents';
import { m0015ClerkAccounts } from './0015-clerk-accounts';

/** Every migration, in order. Append only: a shipped migration is never edited. */
export const migrations: readonly Migration[] = [
  m0001DeskMeta,
  m0002Domain,
  m0003IntakeDrafts,
  m0004OutboxUnacked,
  m0005OutboxOneStatusIndex,
  m0006StatusHistorySynced,
  m0007IntakeForEveryApplicant,
  m0008SearchTiers,
  m0009InformationCard,
  m0010CaseRecord,
  m0011ApplicationPayments,
  m0012StatusModel,
  m0013Queue,
  m0014Documents,
  m0015ClerkAccounts,
];
