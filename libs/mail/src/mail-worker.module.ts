import { DynamicModule, Module, type Type } from '@nestjs/common';
import { JobsModule } from '@app/jobs';
import { Mailer } from './mailer';
import { MANAGE_LINKS, type ManageLinks } from './message-secrets';
import { MessagesWorker } from './messages-worker';

/**
 * The worker side of messages: sends what the outbox hands over. The app passes in how manage
 * links are built (the sign-ups feature owns them), since a lib never imports another's internals.
 */
@Module({})
export class MailWorkerModule {
  static forRoot(links: Type<ManageLinks>): DynamicModule {
    return {
      module: MailWorkerModule,
      global: true,
      imports: [JobsModule],
      providers: [Mailer, MessagesWorker, { provide: MANAGE_LINKS, useClass: links }],
      exports: [Mailer],
    };
  }
}
