import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DemoDirectorySeeder } from './demo-directory.seeder';
import { UnitEntity } from './unit.entity';
import { UnitsController } from './units.controller';
import { UserEntity } from './user.entity';

@Module({
  imports: [TypeOrmModule.forFeature([UnitEntity, UserEntity])],
  controllers: [UnitsController],
  providers: [DemoDirectorySeeder],
  exports: [TypeOrmModule],
})
export class DirectoryModule {}
