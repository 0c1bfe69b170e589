/** A labelled local-date input (YYYY-MM-DD); an emptied field reports undefined. */
export function DateField({
  label,
  value,
  onChange,
  min,
  max,
  testId,
}: {
  label: string;
  value: string | undefined;
  onChange: (day: string | undefined) => void;
  min?: string;
  max?: string;
  testId?: string;
}) {
  return (
    <label className="inline-field">
      {label}
      <input
        type="date"
        data-testid={testId}
        value={value ?? ''}
        min={min || undefined}
        max={max || undefined}
        onChange={(e) => onChange(e.target.value || undefined)}
      />
    </label>
  );
}
