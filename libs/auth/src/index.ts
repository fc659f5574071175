export * from './account.entity';
export * from './auth-session.entity';
export * from './accounts.service';
export * from './auth.module';
export * from './auth.guard';
export * from './secrets';
export * from './dto/account.dto';
export * from './account-view';
