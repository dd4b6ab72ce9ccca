import { Module } from '@nestjs/common';
import { OutletsModule } from '../outlets/outlets.module';
import { KpisController } from './kpis.controller';
import { KpisService } from './kpis.service';

/** Live service KPIs (GBT27922.md §1) with the records behind each figure. */
@Module({
  imports: [OutletsModule],
  controllers: [KpisController],
  providers: [KpisService],
  exports: [KpisService],
})
export class KpisModule {}
