"use client";

import { CLAIM_STATUSES, STATUS_LABELS } from "@/lib/claims/workflow";
import { NO_FILTERS, isFiltering, type AssigneeFilter, type ClaimFilters } from "./claim-filters";
import { KindOptions } from "./kind-options";
import type { Editor } from "./types";

const selectClass = "mt-0.5 block w-full rounded border border-rule bg-white px-1.5 py-1 text-sm font-normal";

/** Status, kind and assignee filters above the claim list; they also limit what j/k walk through. */
export function ClaimFiltersBar({
  filters,
  onChange,
  editors,
  meId,
}: {
  filters: ClaimFilters;
  onChange: (filters: ClaimFilters) => void;
  editors: readonly Editor[];
  meId: number;
}) {
  return (
    <fieldset className="grid grid-cols-3 gap-2">
      <legend className="sr-only">Filter claims</legend>
      <label className="min-w-0 text-xs font-medium text-quiet">
        Status
        <select
          aria-label="Filter by status"
          value={filters.status}
          onChange={(e) => onChange({ ...filters, status: e.target.value as ClaimFilters["status"] })}
          className={selectClass}
        >
          <option value="all">All</option>
          {CLAIM_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </label>
      <label className="min-w-0 text-xs font-medium text-quiet">
        Kind
        <select
          aria-label="Filter by kind"
          value={filters.kind}
          onChange={(e) => onChange({ ...filters, kind: e.target.value as ClaimFilters["kind"] })}
          className={selectClass}
        >
          <option value="all">All</option>
          <KindOptions />
        </select>
      </label>
      <label className="min-w-0 text-xs font-medium text-quiet">
        Assignee
        <select
          aria-label="Filter by assignee"
          value={filters.assignee}
          onChange={(e) => onChange({ ...filters, assignee: e.target.value as AssigneeFilter })}
          className={selectClass}
        >
          <option value="all">Anyone</option>
          <option value="me">Me</option>
          <option value="unassigned">Unassigned</option>
          {editors
            .filter((editor) => editor.id !== meId)
            .map((editor) => (
              <option key={editor.id} value={`user:${editor.id}`}>
                {editor.name}
              </option>
            ))}
        </select>
      </label>
      {isFiltering(filters) && (
        <button type="button" onClick={() => onChange(NO_FILTERS)} className="col-span-3 justify-self-start text-xs text-accent hover:underline">
          Clear filters
        </button>
      )}
    </fieldset>
  );
}
