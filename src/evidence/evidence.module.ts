import { Global, Module } from '@nestjs/common';
import { EvidenceSources } from './evidence-sources';

/**
 * Audit evidence: the catalog of evidence types, register exports and (later) the audit pack. Global,
 * so that every module can register the evidence its records make (EvidenceSources).
 */
@Global()
@Module({
  providers: [EvidenceSources],
  exports: [EvidenceSources],
})
export class EvidenceModule {}
