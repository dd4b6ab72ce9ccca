import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { CommonModule } from './common/common.module';
import { AppConfig } from './common/config/config';
import { ConfigModule } from './common/config/config.module';
import { dataSourceOptions } from './common/database/data-source-options';
import { IdempotencyModule } from './common/idempotency/idempotency.module';
import { LoggingModule } from './common/logging/logging.module';
import { MailModule } from './common/mail/mail.module';
import { OutboxModule } from './common/outbox/outbox.module';
import { QueueModule } from './common/queue/queue.module';
import { HealthModule } from './health/health.module';
import { RegistersModule } from './common/registers/registers.module';
import { SuppliersModule } from './suppliers/suppliers.module';
import { UsersModule } from './users/users.module';
import { WorkerModule } from './worker.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        CommonModule,
        LoggingModule.forRoot(config),
        TypeOrmModule.forRoot(dataSourceOptions(config.databaseUrl)),
        QueueModule.forRoot(config),
        OutboxModule,
        MailModule,
        AuditModule,
        UsersModule,
        AuthModule,
        HealthModule,
        RegistersModule,
        SuppliersModule,
        IdempotencyModule,
        ...(config.role === 'api' ? [] : [WorkerModule]),
      ],
    };
  }
}
