import { Module } from '@nestjs/common';
import { TicketsModule } from '../../tickets/tickets.module';
import { RecordFormsController } from './record-forms.controller';
import { RecordFormsService } from './record-forms.service';

/** The tickets' 维修记录单; the other modules print their own forms through RecordFormPrinter. */
@Module({
  imports: [TicketsModule],
  controllers: [RecordFormsController],
  providers: [RecordFormsService],
  exports: [RecordFormsService],
})
export class RecordFormsModule {}
