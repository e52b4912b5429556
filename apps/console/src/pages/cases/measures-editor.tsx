import { Field } from '../../ui/form';
import { daysFromNow } from '../../ui/format';

export interface MeasureRow {
  description: string;
  owner: string;
  /** `YYYY-MM-DD` from a date input. */
  dueDate: string;
}

export const newMeasure = (): MeasureRow => ({ description: '', owner: '', dueDate: daysFromNow(14).toISOString().slice(0, 10) });

/** A list of concrete measures, each with an owner and a due date (DESIGN §3.2). */
export function MeasuresEditor({ rows, onChange, fieldError }: { rows: MeasureRow[]; onChange: (rows: MeasureRow[]) => void; fieldError: (field: string) => string | undefined }) {
  const update = (index: number, change: Partial<MeasureRow>) => onChange(rows.map((row, i) => (i === index ? { ...row, ...change } : row)));
  return (
    <div className="measures-editor">
      {fieldError('measures') && <p className="field__error" role="alert">{fieldError('measures')}</p>}
      {rows.map((row, index) => (
        <fieldset key={index} className="subform">
          <legend>Measure {index + 1}</legend>
          <Field label="Measure" error={fieldError(`measures.${index}.description`)}>
            {(id) => <textarea id={id} rows={2} value={row.description} onChange={(e) => update(index, { description: e.target.value })} />}
          </Field>
          <div className="grid2">
            <Field label="Owner" error={fieldError(`measures.${index}.owner`)}>
              {(id) => <input id={id} value={row.owner} onChange={(e) => update(index, { owner: e.target.value })} />}
            </Field>
            <Field label="Due date" error={fieldError(`measures.${index}.dueDate`)}>
              {(id) => <input id={id} type="date" value={row.dueDate} onChange={(e) => update(index, { dueDate: e.target.value })} />}
            </Field>
          </div>
          {rows.length > 1 && (
            <button type="button" className="button button--ghost" onClick={() => onChange(rows.filter((_r, i) => i !== index))}>
              Remove measure {index + 1}
            </button>
          )}
        </fieldset>
      ))}
      <button type="button" className="button button--secondary" onClick={() => onChange([...rows, newMeasure()])}>
        Add a measure
      </button>
    </div>
  );
}
