import { runService } from '@rectify/http';
import { AppModule } from './app.module';
import { InspectionsEnv } from './inspections.env';

runService(AppModule, InspectionsEnv, { name: 'inspections' });
