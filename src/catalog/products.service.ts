import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { RegisterWriter } from '../common/registers/register-writer';
import { CatalogRegisterService, type CatalogRegisterSpec } from './catalog-register.service';
import { CreateProductDto, UpdateProductDto } from './dto/product.dto';
import { ProductEntity } from './product.entity';

const PRODUCTS: CatalogRegisterSpec<ProductEntity> = {
  entity: ProductEntity,
  type: 'product',
  key: 'sku',
  categoryField: 'category',
  searchFields: ['sku', 'name', 'model'],
  auditedFields: ['sku', 'name', 'category', 'brand', 'model', 'warrantyMonths', 'active'],
};

/** Products (sku, category, warranty months): what sold units are and how long they are in warranty. */
@Injectable()
export class ProductsService extends CatalogRegisterService<
  ProductEntity,
  CreateProductDto,
  UpdateProductDto
> {
  constructor(@InjectDataSource() dataSource: DataSource, writer: RegisterWriter) {
    super(dataSource, writer, PRODUCTS);
  }
}
