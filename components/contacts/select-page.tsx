'use client';

/** The form that the list's checkboxes belong to (through their `form` attribute): forms cannot nest in a table. */
export const BULK_FORM_ID = 'contacts-bulk';

/**
 * "Selecionar todos desta página". Without JavaScript it is a field of its own: the bulk page
 * then takes every contact of the page (the form carries their ids). With JavaScript it also
 * ticks the rows, and unticking a row unticks it.
 */
export function SelectPage({ label, form }: { label: string; form: string }) {
  const rows = () => document.querySelectorAll<HTMLInputElement>(`input[name="id"][form="${form}"]`);
  return (
    <label className="bulk-bar__all">
      <input
        type="checkbox"
        name="scope"
        value="page"
        form={form}
        onChange={(e) => {
          for (const box of rows()) box.checked = e.currentTarget.checked;
        }}
      />
      {label}
    </label>
  );
}

/** A row's checkbox: unticking it unticks "Selecionar todos desta página" (the selection is the ticked rows then). */
export function SelectRow({ id, label, form }: { id: string; label: string; form: string }) {
  return (
    <input
      type="checkbox"
      name="id"
      value={id}
      form={form}
      aria-label={label}
      onChange={(e) => {
        if (e.currentTarget.checked) return;
        const all = document.querySelector<HTMLInputElement>(`input[name="scope"][form="${form}"]`);
        if (all) all.checked = false;
      }}
    />
  );
}
