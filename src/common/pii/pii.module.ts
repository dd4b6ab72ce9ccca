import { Module } from '@nestjs/common';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { PiiCipher } from './pii-cipher';

/** The personal-data cipher under the configured key (PII_KEY), for modules that keep personal data. */
@Module({
  providers: [
    {
      provide: PiiCipher,
      useFactory: (config: AppConfig) => new PiiCipher(config.piiKey),
      inject: [APP_CONFIG],
    },
  ],
  exports: [PiiCipher],
})
export class PiiModule {}
