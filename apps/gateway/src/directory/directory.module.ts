import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DemoDirectorySeeder } from './demo-directory.seeder';
import { DirectoryLog } from './directory-log';
import { TaxonomyController, ThresholdsController } from './settings.controller';
import { SettingsService } from './settings.service';
import { UnitEntity } from './unit.entity';
import { UnitsController } from './units.controller';
import { UnitsService } from './units.service';
import { UserEntity } from './user.entity';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

/** The org directory and the admin's settings; every change goes on the `gateway.events` feed. */
@Module({
  imports: [TypeOrmModule.forFeature([UnitEntity, UserEntity])],
  controllers: [UnitsController, UsersController, TaxonomyController, ThresholdsController],
  providers: [DemoDirectorySeeder, DirectoryLog, UnitsService, UsersService, SettingsService],
  exports: [TypeOrmModule],
})
export class DirectoryModule {}
