import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type AuthUser, CurrentUser, Roles } from '@rectify/auth';
import { CreateUnitDto, UpdateUnitDto } from './directory.dto';
import { UnitsService } from './units.service';

@ApiTags('directory')
@Controller('api/units')
export class UnitsController {
  constructor(private readonly units: UnitsService) {}

  /** Every signed-in user: departments and the console need unit names. */
  @Get()
  async list() {
    return { items: await this.units.list() };
  }

  @Get(':id')
  get(@Param('id') id: string) {
    return this.units.get(id);
  }

  @Post()
  @Roles('admin')
  create(@Body() dto: CreateUnitDto, @CurrentUser() user: AuthUser) {
    return this.units.create({ id: dto.id, name: dto.name, parentId: dto.parentId ?? null }, user);
  }

  @Patch(':id')
  @Roles('admin')
  @HttpCode(200)
  update(@Param('id') id: string, @Body() dto: UpdateUnitDto, @CurrentUser() user: AuthUser) {
    return this.units.update(id, { name: dto.name, parentId: dto.parentId }, user);
  }
}
