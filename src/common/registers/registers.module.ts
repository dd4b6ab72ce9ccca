import { Global, Module } from '@nestjs/common';
import { AuditModule } from '../../audit/audit.module';
import { RegisterWriter } from './register-writer';

@Global()
@Module({
  imports: [AuditModule],
  providers: [RegisterWriter],
  exports: [RegisterWriter],
})
export class RegistersModule {}
