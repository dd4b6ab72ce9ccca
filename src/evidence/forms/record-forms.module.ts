import { Module } from '@nestjs/common';
import { TicketsModule } from '../../tickets/tickets.module';
import { RecordFormsController } from './record-forms.controller';
import { RecordFormsService } from './record-forms.service';

/** Record forms printed from the records of other modules (tickets now; returns, complaints… later). */
@Module({
  imports: [TicketsModule],
  controllers: [RecordFormsController],
  providers: [RecordFormsService],
  exports: [RecordFormsService],
})
export class RecordFormsModule {}
