/** A one-button form (a row's "Desvincular", "Remover"): works without JavaScript. */
export function InlineActionForm({
  action,
  hidden,
  label,
  ariaLabel,
}: {
  action: (formData: FormData) => Promise<void>;
  hidden: Record<string, string>;
  label: string;
  ariaLabel?: string;
}) {
  return (
    <form action={action}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" className="btn btn--link" aria-label={ariaLabel}>
        {label}
      </button>
    </form>
  );
}
