import { Global, Injectable, Module } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { WithdrawalPolicy } from '../study-view';

/** A participant who gave contact details under a study, as the feature holding them reports it. */
export interface StudyParticipant {
  studyId: string;
  consentVersionId: string;
  municipalityId: string | null;
  withdrawn: boolean;
}

export interface WithdrawalOutcome {
  /** The row is gone (policy delete); otherwise its personal data was anonymised. */
  deleted: boolean;
  /** A place or waitlist entry was given up (and the waitlist moved up). */
  cancelledPlace: boolean;
}

/**
 * A feature that holds study participants' contact details (sign-ups in libs/consultations; later
 * focus-group applicants) registers one of these per kind of participant. Kinds name withdrawal
 * links (`<kind>.<id>.<signature>`) and receipts' placeholders, so they are lowercase words.
 */
export interface StudyParticipantSource {
  readonly kind: string;
  /** The participant, or null when nothing is held (deleted, purged, never existed). */
  find(db: EntityManager, id: string): Promise<StudyParticipant | null>;
  /** Deletes or anonymises the participant's personal data in `tx`, as `policy` says. */
  withdraw(tx: EntityManager, id: string, policy: WithdrawalPolicy): Promise<WithdrawalOutcome>;
  /**
   * The "contacts" data class: deletes the contact details past the study's retention (the
   * shorter of what their consent version said and what the study says now). Returns how many
   * people, and the messages whose text and address went (their mail files are deleted too).
   */
  purgeExpiredContacts(tx: EntityManager): Promise<{ purged: number; messageIds: string[] }>;
}

/**
 * A sweep another feature runs inside the study retention job, for a data class it owns (the
 * export feature deletes expired export files: study.exports_days from each file's creation).
 */
export interface StudyRetentionSweep {
  readonly dataClass: string;
  sweep(tx: EntityManager): Promise<{ purged: number; messageIds?: string[] }>;
}

/** Where features plug into the study core (one instance per app; see StudyRegistryModule). */
@Injectable()
export class StudyRegistry {
  private readonly sources = new Map<string, StudyParticipantSource>();
  private readonly sweeps: StudyRetentionSweep[] = [];

  registerParticipants(source: StudyParticipantSource): void {
    if (!/^[a-z][a-z-]{0,29}$/.test(source.kind)) throw new Error(`participant kind "${source.kind}" must be a lowercase word`);
    if (this.sources.has(source.kind) && this.sources.get(source.kind) !== source)
      throw new Error(`participant kind "${source.kind}" is registered twice`);
    this.sources.set(source.kind, source);
  }

  registerRetentionSweep(sweep: StudyRetentionSweep): void {
    if (!this.sweeps.includes(sweep)) this.sweeps.push(sweep);
  }

  participants(kind: string): StudyParticipantSource | undefined {
    return this.sources.get(kind);
  }

  allParticipantSources(): StudyParticipantSource[] {
    return [...this.sources.values()];
  }

  retentionSweeps(): StudyRetentionSweep[] {
    return [...this.sweeps];
  }
}

/** Global, so the features that register (consultations, later focus groups, exports) share the one registry. */
@Global()
@Module({ providers: [StudyRegistry], exports: [StudyRegistry] })
export class StudyRegistryModule {}
