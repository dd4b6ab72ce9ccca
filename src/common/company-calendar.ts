import { Inject, Injectable } from '@nestjs/common';
import { Clock } from './clock';
import type { AppConfig } from './config/config';
import { APP_CONFIG } from './config/config.module';
import { calendarDate, type CalendarDate } from './calendar';

/** "Today" for date-only rules (validities, due dates) is the date in the company's time zone. */
@Injectable()
export class CompanyCalendar {
  constructor(
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  today(): CalendarDate {
    return calendarDate(this.clock.now(), this.config.companyTimeZone);
  }
}
