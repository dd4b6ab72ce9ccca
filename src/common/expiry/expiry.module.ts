import { Global, Module } from '@nestjs/common';
import { ExpirySources } from './expiry-sources';

@Global()
@Module({ providers: [ExpirySources], exports: [ExpirySources] })
export class ExpiryModule {}
