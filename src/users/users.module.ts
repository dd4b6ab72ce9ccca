import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { UsersController } from './users.controller';
import { FirstAdminInitializer } from './first-admin.initializer';
import { UsersService } from './users.service';

@Module({
  imports: [AuditModule],
  controllers: [UsersController],
  providers: [UsersService, FirstAdminInitializer],
  exports: [UsersService],
})
export class UsersModule {}
