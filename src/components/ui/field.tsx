import { forwardRef, useId, type InputHTMLAttributes, type SelectHTMLAttributes } from "react";

const CONTROL =
  "block w-full rounded-lg border border-stone-300 bg-white px-3 py-2 text-base text-stone-900 shadow-sm placeholder:text-stone-400 focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30 aria-[invalid=true]:border-red-500 sm:text-sm";

type FieldProps = { label: string; error?: string; hint?: string };

export const TextField = forwardRef<HTMLInputElement, InputHTMLAttributes<HTMLInputElement> & FieldProps>(
  function TextField({ label, error, hint, id, ...props }, ref) {
    const generated = useId();
    const inputId = id ?? generated;
    return (
      <div className="space-y-1">
        <label htmlFor={inputId} className="block text-sm font-medium text-stone-700">
          {label}
        </label>
        <input
          ref={ref}
          id={inputId}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${inputId}-error` : hint ? `${inputId}-hint` : undefined}
          className={CONTROL}
          {...props}
        />
        {hint && !error && (
          <p id={`${inputId}-hint`} className="text-xs text-stone-500">
            {hint}
          </p>
        )}
        {error && (
          <p id={`${inputId}-error`} role="alert" className="text-sm text-red-600">
            {error}
          </p>
        )}
      </div>
    );
  },
);

export const SelectField = forwardRef<HTMLSelectElement, SelectHTMLAttributes<HTMLSelectElement> & FieldProps>(
  function SelectField({ label, error, id, children, ...props }, ref) {
    const generated = useId();
    const selectId = id ?? generated;
    return (
      <div className="space-y-1">
        <label htmlFor={selectId} className="block text-sm font-medium text-stone-700">
          {label}
        </label>
        <select ref={ref} id={selectId} aria-invalid={error ? true : undefined} className={CONTROL} {...props}>
          {children}
        </select>
        {error && (
          <p role="alert" className="text-sm text-red-600">
            {error}
          </p>
        )}
      </div>
    );
  },
);

/** register() options for an optional number input: empty is null, anything else a number (zod checks it). */
export const nullableNumber = { setValueAs: (value: unknown) => (value === "" || value === null || value === undefined ? null : Number(value)) };
