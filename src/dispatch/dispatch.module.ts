import { Module } from '@nestjs/common';
import { OutletsModule } from '../outlets/outlets.module';
import { StaffModule } from '../staff/staff.module';
import { TicketsModule } from '../tickets/tickets.module';
import { UsersModule } from '../users/users.module';
import { DispatchController } from './dispatch.controller';
import { DispatchService } from './dispatch.service';

/** Whom to send a ticket to, and the dispatcher's board; dispatching itself is a ticket action. */
@Module({
  imports: [TicketsModule, UsersModule, OutletsModule, StaffModule],
  controllers: [DispatchController],
  providers: [DispatchService],
})
export class DispatchModule {}
