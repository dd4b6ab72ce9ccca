import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { AssetsModule } from '../assets/assets.module';
import { inMemoryUploadOptions } from '../attachments/upload-storage';
import { CatalogModule } from '../catalog/catalog.module';
import { AppConfig } from '../common/config/config';
import { APP_CONFIG } from '../common/config/config.module';
import { CustomersModule } from '../customers/customers.module';
import { OutletsModule } from '../outlets/outlets.module';
import { ImportTargets } from './import-targets';
import { ImportsController } from './imports.controller';
import { ImportsService } from './imports.service';

@Module({
  imports: [
    CustomersModule,
    CatalogModule,
    AssetsModule,
    OutletsModule,
    // Import files are read whole (an XLSX is a zip), so they are held in memory up to the upload limit.
    MulterModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => inMemoryUploadOptions(config.uploadMaxBytes),
    }),
  ],
  controllers: [ImportsController],
  providers: [ImportsService, ImportTargets],
})
export class ImportsModule {}
