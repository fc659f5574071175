import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { dataSourceOptions } from './data-source-options';

/** One pooled connection for the app; feature modules register their entities with forFeature. */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        ...dataSourceOptions({ url: config.DATABASE_URL, poolSize: config.DB_POOL_SIZE }),
        autoLoadEntities: true,
      }),
    }),
  ],
})
export class DatabaseModule {}
