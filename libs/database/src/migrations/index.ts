import { InitialSchema1763900000000 } from './1763900000000-initial-schema';
import { ResultsAndOutbox1764000000000 } from './1764000000000-results-and-outbox';
import { Consultations1764100000000 } from './1764100000000-consultations';
import { SqlDefinitions1764200000000 } from './1764200000000-sql-definitions';
import { SignupConfirmation1764600000000 } from './1764600000000-signup-confirmation';
import { AccountsAuditMeetingEdits1764700000000 } from './1764700000000-accounts-audit-meeting-edits';
import { ResultsReleases1764300000000 } from './1764300000000-results-releases';
import { Studies1765400000000 } from './1765400000000-studies';

/** Listed explicitly (not globbed) so the same list works from ts-jest, ts-node and the compiled build. */
export const migrations = [InitialSchema1763900000000, ResultsAndOutbox1764000000000, Consultations1764100000000, SqlDefinitions1764200000000,
  SignupConfirmation1764600000000,
  AccountsAuditMeetingEdits1764700000000,
  ResultsReleases1764300000000,
  Studies1765400000000,
];
