import { type ArgumentsHost, Logger, NotFoundException } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsArray, IsDateString, IsNotEmpty, IsString, ValidateNested } from 'class-validator';
import { ConcurrencyError } from '@rectify/event-store';
import { createValidationPipe } from './validation.pipe';
import { ProblemDetailsFilter } from './problem-details.filter';
import type { ProblemDetails } from './problem-details';

class MeasureDto {
  @IsString() @IsNotEmpty() description!: string;
  @IsString() @IsNotEmpty() owner!: string;
  @IsDateString() dueDate!: string;
}

class SubmitMeasuresDto {
  @IsArray() @ValidateNested({ each: true }) @Type(() => MeasureDto) measures!: MeasureDto[];
}

class CaseNotAssignable extends Error {
  readonly code = 'CASE.NOT_ASSIGNABLE';
  readonly httpStatus = 422;
}

function render(error: unknown) {
  const response = { statusCode: 200, headersSent: false, headers: {} as Record<string, unknown>, body: '',
    setHeader(name: string, value: unknown) { this.headers[name.toLowerCase()] = value; },
    end(body: string) { this.body = body; },
    destroy() {} };
  const request = { method: 'POST', url: '/api/cases/c-1/measures?x=1' };
  const host = { getType: () => 'http', switchToHttp: () => ({ getRequest: () => request, getResponse: () => response }) };
  new ProblemDetailsFilter().catch(error, host as unknown as ArgumentsHost);
  return { status: response.statusCode, contentType: response.headers['content-type'], problem: JSON.parse(response.body) as ProblemDetails };
}

async function validationErrorFor(body: unknown): Promise<unknown> {
  try {
    await createValidationPipe().transform(body, { type: 'body', metatype: SubmitMeasuresDto });
  } catch (error) {
    return error;
  }
  throw new Error('the body was valid');
}

describe('ProblemDetailsFilter', () => {
  beforeAll(() => jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined));
  afterAll(() => jest.restoreAllMocks());

  it('renders a validation failure as 400 problem+json naming each nested field', async () => {
    const error = await validationErrorFor({ measures: [{ description: 'fix the window', owner: '', dueDate: 'soon' }], extra: 1 });

    const { status, contentType, problem } = render(error);

    expect(status).toBe(400);
    expect(contentType).toMatch(/^application\/problem\+json/);
    expect(problem.errors?.map((e) => e.field).sort()).toEqual(['extra', 'measures.0.dueDate', 'measures.0.owner']);
    expect(problem).toMatchObject({ status: 400, title: 'Invalid request', instance: '/api/cases/c-1/measures' });
  });

  it('maps the event store concurrency error to 409', () => {
    const { status, problem } = render(new ConcurrencyError('case-1', 3, 4));

    expect(status).toBe(409);
    expect(problem.code).toBe('EVENT_STORE.CONCURRENCY');
  });

  it('maps a domain error to its own status with its code', () => {
    const { status, problem } = render(new CaseNotAssignable('the case is closed'));

    expect(status).toBe(422);
    expect(problem).toMatchObject({ code: 'CASE.NOT_ASSIGNABLE', detail: 'the case is closed' });
  });

  it('keeps the status of an HttpException', () => {
    const { status, problem } = render(new NotFoundException('no such case'));

    expect(status).toBe(404);
    expect(problem).toMatchObject({ type: 'about:blank', title: 'Not Found', detail: 'no such case' });
  });

  it('answers 500 for an unexpected error without leaking its message', () => {
    const { status, problem } = render(new Error('password authentication failed for user "postgres"'));

    expect(status).toBe(500);
    expect(JSON.stringify(problem)).not.toContain('postgres');
  });

  it('does not treat a driver error with a code but no status as a domain error', () => {
    const driverError = Object.assign(new Error('duplicate key value'), { code: '23505' });

    expect(render(driverError).status).toBe(500);
  });
});
