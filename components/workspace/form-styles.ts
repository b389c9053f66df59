// Shared Tailwind class lists, so every form control in the workspace looks and focuses the same.

export const fieldClass =
  "mt-1 block w-full rounded border border-rule bg-white px-2 py-1.5 text-sm font-normal text-ink focus:border-accent disabled:bg-wash disabled:text-quiet";

export const primaryButtonClass =
  "inline-flex items-center justify-center gap-1 rounded border border-[#0550ae] bg-accent px-3 py-1.5 text-sm font-medium text-white hover:bg-[#0550ae] disabled:cursor-not-allowed disabled:border-rule disabled:bg-wash disabled:text-quiet";

export const secondaryButtonClass =
  "inline-flex items-center justify-center gap-1 rounded border border-rule bg-white px-3 py-1.5 text-sm font-medium text-ink hover:bg-wash disabled:cursor-not-allowed disabled:text-quiet";

export const dangerButtonClass =
  "inline-flex items-center justify-center gap-1 rounded border border-[#cf222e] bg-white px-3 py-1.5 text-sm font-medium text-[#a40e26] hover:bg-[#ffebe9] disabled:cursor-not-allowed disabled:border-rule disabled:text-quiet";

export const sectionHeadingClass = "text-xs font-semibold uppercase tracking-wide text-quiet";
