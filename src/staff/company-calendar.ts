import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import type { AppConfig } from '../common/config/config';
import { APP_CONFIG } from '../common/config/config.module';
import { dateInZone, type CalendarDate } from './domain/calendar-date';

/** "Today" for date-only rules (validities, due dates) is the date in the company's time zone. */
@Injectable()
export class CompanyCalendar {
  constructor(
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  today(): CalendarDate {
    return dateInZone(this.clock.now(), this.config.companyTimeZone);
  }
}
