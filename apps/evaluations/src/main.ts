import { runService } from '@rectify/http';
import { AppModule } from './app.module';
import { EvaluationsEnv } from './evaluations.env';

runService(AppModule, EvaluationsEnv, { name: 'evaluations' });
