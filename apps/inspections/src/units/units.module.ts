import { Global, Module } from '@nestjs/common';
import { KnownUnits } from './known-units';

@Global()
@Module({ providers: [KnownUnits], exports: [KnownUnits] })
export class UnitsModule {}
