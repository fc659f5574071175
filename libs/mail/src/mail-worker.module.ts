import { DynamicModule, Module, type Type } from '@nestjs/common';
import { JobsModule } from '@app/jobs';
import { Mailer } from './mailer';
import { MANAGE_LINKS, WITHDRAWAL_LINKS, type ManageLinks, type WithdrawalLinks } from './message-secrets';
import { MessagesWorker } from './messages-worker';

/**
 * The worker side of messages: sends what the outbox hands over. The app passes in how manage
 * links are built (the sign-ups feature owns them) and, optionally, study withdrawal links (libs/studies),
 * since a lib never imports another's internals.
 */
@Module({})
export class MailWorkerModule {
  static forRoot(links: Type<ManageLinks>, withdrawals?: Type<WithdrawalLinks>): DynamicModule {
    return {
      module: MailWorkerModule,
      global: true,
      imports: [JobsModule],
      providers: [
        Mailer,
        MessagesWorker,
        { provide: MANAGE_LINKS, useClass: links },
        ...(withdrawals ? [{ provide: WITHDRAWAL_LINKS, useClass: withdrawals }] : []),
      ],
      exports: [Mailer],
    };
  }
}
