/** A group of checkboxes over `options`, for small multi-choices (target units, checklist codes). */
export function CheckboxGroup({ legend, options, value, onChange, error, testId }: {
  legend: string;
  options: { value: string; label: string }[];
  value: string[];
  onChange: (value: string[]) => void;
  error?: string;
  testId?: string;
}) {
  const toggle = (option: string, checked: boolean) => onChange(checked ? [...value, option] : value.filter((v) => v !== option));
  return (
    <fieldset className={`checkboxes${error ? ' field--invalid' : ''}`} data-testid={testId}>
      <legend>{legend}</legend>
      <div className="checkboxes__grid">
        {options.map((o) => (
          <label key={o.value}>
            <input type="checkbox" checked={value.includes(o.value)} onChange={(e) => toggle(o.value, e.target.checked)} /> {o.label}
          </label>
        ))}
      </div>
      {error && <p className="field__error" role="alert">{error}</p>}
    </fieldset>
  );
}
