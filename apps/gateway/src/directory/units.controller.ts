import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { UnitEntity } from './unit.entity';

@ApiTags('directory')
@Controller('api/units')
export class UnitsController {
  constructor(@InjectRepository(UnitEntity) private readonly units: Repository<UnitEntity>) {}

  @Get()
  async list() {
    const units = await this.units.find({ order: { id: 'ASC' } });
    return { items: units.map(({ id, name, parentId }) => ({ id, name, parentId })) };
  }
}
