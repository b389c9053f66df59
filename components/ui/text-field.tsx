import type { InputHTMLAttributes } from "react";

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "name" | "className"> {
  /** Used as both id and name, so a label, an error and form data all find the same field. */
  name: string;
  label: string;
  /** Shown under the field and announced with it; the field is marked invalid while there is one. */
  error?: string;
}

/** A labelled input with its own error line: the one way forms show what is wrong with a field. */
export function TextField({ name, label, error, ...input }: TextFieldProps) {
  const errorId = `${name}-error`;
  return (
    <div>
      <label htmlFor={name} className="block text-sm font-medium">
        {label}
      </label>
      <input
        {...input}
        id={name}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        className={`mt-1 w-full rounded border px-3 py-2 ${error ? "border-[#cf222e]" : "border-rule"}`}
      />
      {error && (
        <p id={errorId} className="mt-1 text-sm text-[#a40e26]">
          {error}
        </p>
      )}
    </div>
  );
}
