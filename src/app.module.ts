import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AssetsModule } from './assets/assets.module';
import { AttachmentsModule } from './attachments/attachments.module';
import { CatalogModule } from './catalog/catalog.module';
import { ExpiryModule } from './common/expiry/expiry.module';
import { CustomersModule } from './customers/customers.module';
import { OutletsModule } from './outlets/outlets.module';
import { PolicyModule } from './policy/policy.module';
import { StaffModule } from './staff/staff.module';
import { ToolsModule } from './tools/tools.module';
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
import { ImportsModule } from './imports/imports.module';
import { RegistersModule } from './common/registers/registers.module';
import { SuppliersModule } from './suppliers/suppliers.module';
import { UsersModule } from './users/users.module';
import { EvidenceModule } from './evidence/evidence.module';
import { RecordFormsModule } from './evidence/forms/record-forms.module';
import { TicketsModule } from './tickets/tickets.module';
import { ReturnsModule } from './returns/returns.module';
import { ComplaintsModule } from './complaints/complaints.module';
import { DispatchModule } from './dispatch/dispatch.module';
import { FollowUpsModule } from './follow-ups/follow-ups.module';
import { SurveysModule } from './surveys/surveys.module';
import { KpisModule } from './kpis/kpis.module';
import { AssessmentsModule } from './assessments/assessments.module';
import { DocumentsModule } from './documents/documents.module';
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
        ExpiryModule,
        EvidenceModule,
        AttachmentsModule,
        OutletsModule,
        CustomersModule,
        CatalogModule,
        AssetsModule,
        ToolsModule,
        StaffModule,
        PolicyModule,
        ImportsModule,
        TicketsModule,
        ReturnsModule,
        RecordFormsModule,
        DispatchModule,
        ComplaintsModule,
        FollowUpsModule,
        SurveysModule,
        KpisModule,
        DocumentsModule,
        AssessmentsModule,
        IdempotencyModule,
        ...(config.role === 'api' ? [] : [WorkerModule]),
      ],
    };
  }
}
