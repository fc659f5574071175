import { Module } from '@nestjs/common';
import { OutboxDispatcher } from './outbox-dispatcher';
import { JobReconciler } from './reconciler';

/**
 * Worker-side plumbing shared by every queue: the outbox dispatcher (and the producers it owns)
 * and the reconciler. Imported by each feature's worker module; Nest makes one instance of each.
 */
@Module({ providers: [OutboxDispatcher, JobReconciler], exports: [OutboxDispatcher, JobReconciler] })
export class JobsModule {}
