import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { RegisterWriter } from '../common/registers/register-writer';
import { CatalogRegisterService, type CatalogRegisterSpec } from './catalog-register.service';
import { CreatePartDto, UpdatePartDto } from './dto/part.dto';
import { PartEntity } from './part.entity';

const PARTS: CatalogRegisterSpec<PartEntity> = {
  entity: PartEntity,
  type: 'part',
  key: 'code',
  categoryField: 'productCategory',
  searchFields: ['code', 'name'],
  auditedFields: ['code', 'name', 'productCategory', 'unit', 'unitPrice', 'labourFee', 'active'],
};

/** The spare parts and fee list (易损件价目表 / 维修收费标准) that repair charges are priced from. */
@Injectable()
export class PartsService extends CatalogRegisterService<PartEntity, CreatePartDto, UpdatePartDto> {
  constructor(@InjectDataSource() dataSource: DataSource, writer: RegisterWriter) {
    super(dataSource, writer, PARTS);
  }
}
