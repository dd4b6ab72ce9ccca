import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../auth/decorators';
import { ExpiryScanService } from './expiry-scan.service';

class ExpiryEntryResponse {
  @ApiProperty({ example: 'qualifications' }) source!: string;
  @ApiProperty({ example: 'qualification' }) subjectType!: string;
  @ApiProperty() subjectId!: string;
  @ApiProperty({ example: 'certificate' }) item!: string;
  @ApiProperty({ format: 'date' }) validUntil!: string;
  @ApiProperty({ enum: ['expiring', 'expired'] }) threshold!: string;
  @ApiProperty({ description: 'Negative once expired' }) daysLeft!: number;
  @ApiProperty() description!: string;
}

class ExpiryListResponse {
  @ApiProperty({ format: 'date' }) today!: string;
  @ApiProperty({ type: [ExpiryEntryResponse] }) items!: ExpiryEntryResponse[];
}

@ApiTags('expiries')
@ApiBearerAuth()
@Controller('expiries')
export class ExpiryController {
  constructor(private readonly expiry: ExpiryScanService) {}

  /** Certificates, agreements, licences and inspections expired or expiring within 30 days. */
  @Get()
  @Roles('manager', 'auditor', 'admin')
  @ApiOkResponse({ type: ExpiryListResponse })
  async list(): Promise<ExpiryListResponse> {
    const { today, items } = await this.expiry.due();
    return {
      today,
      items: items.map((entry) => ({
        source: entry.source,
        subjectType: entry.subjectType,
        subjectId: entry.subjectId,
        item: entry.item,
        validUntil: entry.validUntil,
        threshold: entry.threshold,
        daysLeft: entry.daysLeft,
        description: entry.description,
      })),
    };
  }
}
