import { OutletsModule } from '../outlets/outlets.module';
import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { UsersController } from './users.controller';
import { FirstAdminInitializer } from './first-admin.initializer';
import { UsersService } from './users.service';

@Module({
  imports: [AuditModule, OutletsModule],
  controllers: [UsersController],
  providers: [UsersService, FirstAdminInitializer],
  exports: [UsersService],
})
export class UsersModule {}
