import { Global, Module } from '@nestjs/common';
import { Clock, SystemClock } from './clock';
import { CompanyCalendar } from './company-calendar';

@Global()
@Module({
  providers: [{ provide: Clock, useClass: SystemClock }, CompanyCalendar],
  exports: [Clock, CompanyCalendar],
})
export class CommonModule {}
