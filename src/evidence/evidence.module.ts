import { Global, Module } from '@nestjs/common';
import { EvidenceCatalogService } from './evidence-catalog.service';
import { EvidenceController } from './evidence.controller';
import { EvidenceSources } from './evidence-sources';
import { ExportBuildService } from './export-build.service';
import { exportFileStoreProvider } from './export-file-store';
import { ExportsController } from './exports.controller';
import { ExportsService } from './exports.service';
import { RecordFormPrinter } from './forms/form-printing';
import { EvidenceForms } from './pack/evidence-forms';
import { PackFileSets } from './pack/pack-file-sets';

/**
 * Audit evidence: the catalog of evidence types, register exports and (later) the audit pack. Global,
 * so that every module can register the evidence its records make (EvidenceSources) and print its
 * record forms (RecordFormPrinter).
 */
@Global()
@Module({
  controllers: [ExportsController, EvidenceController],
  providers: [
    EvidenceSources,
    ExportsService,
    ExportBuildService,
    exportFileStoreProvider,
    EvidenceCatalogService,
    EvidenceForms,
    PackFileSets,
    RecordFormPrinter,
  ],
  exports: [
    EvidenceSources,
    EvidenceForms,
    PackFileSets,
    RecordFormPrinter,
    ExportBuildService,
    EvidenceCatalogService,
    ExportsService,
  ],
})
export class EvidenceModule {}
