import { Module, OnModuleInit } from '@nestjs/common';
import { EvidenceSources } from '../evidence/evidence-sources';
import { OutletsModule } from '../outlets/outlets.module';
import { kpiSummaryEvidenceSource } from './kpi-evidence';
import { KpisController } from './kpis.controller';
import { KpisService } from './kpis.service';

/** Live service KPIs (GBT27922.md §1) with the records behind each figure; the KPI summary evidence. */
@Module({
  imports: [OutletsModule],
  controllers: [KpisController],
  providers: [KpisService],
  exports: [KpisService],
})
export class KpisModule implements OnModuleInit {
  constructor(
    private readonly kpis: KpisService,
    private readonly evidence: EvidenceSources,
  ) {}

  onModuleInit(): void {
    this.evidence.register(kpiSummaryEvidenceSource(this.kpis));
  }
}
