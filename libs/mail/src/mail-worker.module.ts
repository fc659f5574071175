import { Module } from '@nestjs/common';
import { Mailer } from './mailer';
import { MessagesWorker } from './messages-worker';

/** The worker side of messages: sends what the outbox hands over. */
@Module({ providers: [Mailer, MessagesWorker], exports: [Mailer] })
export class MailWorkerModule {}
