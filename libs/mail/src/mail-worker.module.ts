import { Module } from '@nestjs/common';
import { JobsModule } from '@app/jobs';
import { Mailer } from './mailer';
import { MessagesWorker } from './messages-worker';

/** The worker side of messages: sends what the outbox hands over. */
@Module({ imports: [JobsModule], providers: [Mailer, MessagesWorker], exports: [Mailer] })
export class MailWorkerModule {}
