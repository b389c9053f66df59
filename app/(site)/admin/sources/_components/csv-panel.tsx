"use client";

import { useQueryClient } from "@tanstack/react-query";
import { parse } from "csv-parse/browser/esm/sync";
import { stringify } from "csv-stringify/browser/esm/sync";
import { useState, type ChangeEvent } from "react";
import { useTRPC, useTRPCClient } from "@/components/providers/trpc-provider";
import { ErrorAlert } from "@/components/workspace/error-alert";
import { fieldClass, primaryButtonClass, secondaryButtonClass } from "@/components/workspace/form-styles";
import { errorMessage } from "@/components/workspace/trpc-error";
import { MAX_IMPORT_ROWS } from "@/lib/sources/csv-import";
import type { AppRouter } from "@/server/routers/_app";
import type { inferRouterOutputs } from "@trpc/server";

type Preview = inferRouterOutputs<AppRouter>["source"]["importPreview"];
// Rows per request, and characters: a batch stays well under the 2 MB request limit even with long notes.
const BATCH = 2_000;
const BATCH_CHARS = 1_000_000;

/** The rows cut into CSV batches, each starting with the header row. */
function batches(header: string[], rows: string[][]): Array<{ csv: string; end: number }> {
  const out: Array<{ csv: string; end: number }> = [];
  let current: string[][] = [];
  let size = 0;
  rows.forEach((row, index) => {
    const length = row.reduce((sum, cell) => sum + cell.length + 3, 0);
    if (current.length > 0 && (current.length >= BATCH || size + length > BATCH_CHARS)) {
      out.push({ csv: stringify([header, ...current]), end: index });
      current = [];
      size = 0;
    }
    current.push(row);
    size += length;
  });
  out.push({ csv: stringify([header, ...current]), end: rows.length });
  return out;
}
const OUTCOME_LABELS = { new: "New", duplicate: "Duplicate", rejected: "Rejected" } as const;

function download(filename: string, csv: string) {
  const url = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  link.click();
  URL.revokeObjectURL(url);
}

const newImportId = () => {
  const hex = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
};

/** Export of sources and publishers; import of sources: check the file (dry run, per row), then import all of it or nothing. */
export function CsvPanel({ onImported }: { onImported: (message: string) => Promise<void> }) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const [progress, setProgress] = useState<{ label: string; done: number; total: number } | null>(null);
  const [checked, setChecked] = useState<{ importId: string; fileName: string; preview: Preview } | null>(null);
  const busy = progress !== null;

  async function exportCsv(kind: "sources" | "publishers") {
    setError(null);
    try {
      const file = kind === "sources" ? await client.source.exportCsv.query() : await client.publisher.exportCsv.query();
      download(file.filename, file.csv);
    } catch (caught) {
      setError(caught);
    }
  }

  async function check(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = "";
    if (!file) return;
    setError(null);
    setChecked(null);
    try {
      const records = parse(await file.text(), { bom: true, relax_column_count: true, skip_empty_lines: true }) as string[][];
      const [header, ...rows] = records;
      if (!header) throw new Error("The file is empty. Export the sources to see the expected columns.");
      if (rows.length > MAX_IMPORT_ROWS) throw new Error(`The file has ${rows.length.toLocaleString("en")} rows; an import takes at most ${MAX_IMPORT_ROWS.toLocaleString("en")}. Split it.`);
      const importId = newImportId();
      let done = 0;
      for (const [seq, batch] of batches(header, rows).entries()) {
        setProgress({ label: "Checking", done, total: rows.length });
        await client.source.importStage.mutate({ importId, seq, csv: batch.csv });
        done = batch.end;
      }
      setProgress({ label: "Checking", done: rows.length, total: rows.length });
      const preview = await client.source.importPreview.query({ importId });
      setChecked({ importId, fileName: file.name, preview });
    } catch (caught) {
      setError(caught);
    } finally {
      setProgress(null);
    }
  }

  async function commit() {
    if (!checked) return;
    setError(null);
    setProgress({ label: "Importing", done: 0, total: checked.preview.new });
    try {
      const result = await client.source.importCommit.mutate({ importId: checked.importId });
      setChecked(null);
      await queryClient.invalidateQueries({ queryKey: trpc.source.pathKey() });
      await onImported(`Imported ${result.imported.toLocaleString("en")} new sources from ${checked.fileName}; ${result.duplicate.toLocaleString("en")} duplicates skipped.`);
    } catch (caught) {
      setError(caught);
    } finally {
      setProgress(null);
    }
  }

  return (
    <section aria-labelledby="csv-heading" className="mt-8 rounded border border-rule p-4">
      <h2 id="csv-heading" className="text-lg font-semibold">CSV export and import</h2>
      <div className="mt-2 flex flex-wrap gap-2">
        <button type="button" className={secondaryButtonClass} onClick={() => void exportCsv("sources")}>Export sources (CSV)</button>
        <button type="button" className={secondaryButtonClass} onClick={() => void exportCsv("publishers")}>Export publishers (CSV)</button>
      </div>
      <label className="mt-4 block text-sm font-medium">
        Import sources from a CSV file
        <input type="file" accept=".csv,text/csv" disabled={busy} onChange={(e) => void check(e)} className={fieldClass} aria-describedby="csv-import-hint" />
      </label>
      <p id="csv-import-hint" className="mt-1 text-xs text-quiet">
        A header row with at least <code>url</code>; also read: title, type, published_on, archived_url, link_status, notes. Up to {MAX_IMPORT_ROWS.toLocaleString("en")} rows.
        The file is checked first and nothing is written until you confirm; then every new row is imported, or none.
      </p>
      {progress && (
        <div className="mt-3 text-sm" role="status">
          <label className="block">
            {progress.label}… {progress.label === "Checking" ? `${progress.done.toLocaleString("en")} of ${progress.total.toLocaleString("en")} rows` : `${progress.total.toLocaleString("en")} new sources in one transaction`}
            <progress className="mt-1 block w-full" max={progress.total || 1} value={progress.label === "Checking" ? progress.done : undefined} />
          </label>
        </div>
      )}
      {error !== null && <div className="mt-3"><ErrorAlert message={errorMessage(error)} /></div>}
      {checked && <PreviewTable checked={checked} busy={busy} onCommit={() => void commit()} onCancel={() => setChecked(null)} />}
    </section>
  );
}

function PreviewTable({ checked, busy, onCommit, onCancel }: { checked: { fileName: string; preview: Preview }; busy: boolean; onCommit: () => void; onCancel: () => void }) {
  const { preview } = checked;
  return (
    <div className="mt-4">
      <h3 className="text-base font-semibold">Check of {checked.fileName}</h3>
      <p className="text-sm">
        {preview.total.toLocaleString("en")} rows: <strong>{preview.new.toLocaleString("en")} new</strong>, {preview.duplicate.toLocaleString("en")} duplicate, {preview.rejected.toLocaleString("en")} rejected. Nothing has been written yet.
      </p>
      <div className="mt-2 max-h-80 overflow-auto rounded border border-rule">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">What the import would do with each row</caption>
          <thead className="sticky top-0 bg-wash text-quiet">
            <tr><th scope="col" className="px-3 py-1.5 font-medium">Row</th><th scope="col" className="px-3 py-1.5 font-medium">Outcome</th><th scope="col" className="px-3 py-1.5 font-medium">URL and reason</th></tr>
          </thead>
          <tbody className="divide-y divide-rule">
            {preview.rows.map((row) => (
              <tr key={row.row} className={row.outcome === "rejected" ? "bg-[#ffebe9]" : undefined}>
                <td className="px-3 py-1.5 tabular-nums">{row.row}</td>
                <td className="px-3 py-1.5">{OUTCOME_LABELS[row.outcome]}</td>
                <td className="break-all px-3 py-1.5">{row.url}{row.reason && <span className="block text-xs text-quiet">{row.reason}</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="mt-3 flex flex-wrap gap-2">
        <button type="button" className={primaryButtonClass} disabled={busy || preview.rejected > 0 || preview.new === 0} onClick={onCommit}>
          Import {preview.new.toLocaleString("en")} new sources
        </button>
        <button type="button" className={secondaryButtonClass} onClick={onCancel}>Discard</button>
      </div>
      {preview.rejected > 0 && <p className="mt-2 text-sm text-[#a40e26]">Fix the rejected rows and check the file again: the import is all or nothing.</p>}
    </div>
  );
}
