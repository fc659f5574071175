import { Module } from '@nestjs/common';
import { OutboxDispatcher } from './outbox-dispatcher';

/** Worker-side plumbing shared by every queue: the outbox dispatcher and the producers it owns. */
@Module({ providers: [OutboxDispatcher], exports: [OutboxDispatcher] })
export class JobsModule {}
