import { Global, Module } from '@nestjs/common';
import { UsersModule } from '../../users/users.module';
import { ExpiryController } from './expiry.controller';
import { ExpiryScanService } from './expiry-scan.service';
import { ExpirySources } from './expiry-sources';

@Global()
@Module({
  imports: [UsersModule],
  controllers: [ExpiryController],
  providers: [ExpirySources, ExpiryScanService],
  exports: [ExpirySources, ExpiryScanService],
})
export class ExpiryModule {}
