"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { useTRPC } from "@/components/providers/trpc-provider";
import { fieldClass, primaryButtonClass, secondaryButtonClass } from "@/components/workspace/form-styles";
import { errorMessage } from "@/components/workspace/trpc-error";
import { slugify } from "@/lib/text/slug";
import { ArticlePreview, type Preview } from "./article-preview";
import { readArticleFile, type ReadArticle } from "./read-article-file";

interface Fields {
  title: string;
  byline: string;
  publisherName: string;
  publisherDomain: string;
  originalUrl: string;
  publishedOn: string;
}
const EMPTY: Fields = { title: "", byline: "", publisherName: "", publisherDomain: "", originalUrl: "", publishedOn: "" };

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.replace(/^www\./, "");
  } catch {
    return null;
  }
}

/**
 * A new article from pasted text, an uploaded file or a fetched page. Whatever the source, the text lands in one
 * box the editor can still correct, the server previews it with the importer itself (nothing is written), and
 * only a previewed text can be imported; the import opens the new article's workspace.
 */
export function NewArticleForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const ids = useId();
  const [text, setText] = useState("");
  const [fields, setFields] = useState<Fields>(EMPTY);
  const [slug, setSlug] = useState("");
  const [slugEdited, setSlugEdited] = useState(false);
  const [url, setUrl] = useState("");
  const [loaded, setLoaded] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [preview, setPreview] = useState<{ key: string; result: Preview } | null>(null);

  const effectiveSlug = slugEdited ? slug : slugify(fields.title);
  const previewKey = JSON.stringify([text, effectiveSlug]);
  const previewIsCurrent = preview?.key === previewKey;

  const previewMutation = useMutation(trpc.article.preview.mutationOptions());
  const fetchMutation = useMutation(trpc.article.fetchFromUrl.mutationOptions());
  const importMutation = useMutation(
    trpc.article.import.mutationOptions({
      onSuccess: (imported) => router.push(`/edit/${imported.id}`),
      onError: (error) => setProblem(errorMessage(error)),
    }),
  );
  const busy = previewMutation.isPending || fetchMutation.isPending || importMutation.isPending;

  const set = (name: keyof Fields) => (event: { target: { value: string } }) => setFields((current) => ({ ...current, [name]: event.target.value }));

  async function runPreview(forText: string, forSlug: string, title: string) {
    setProblem(null);
    try {
      const result = await previewMutation.mutateAsync({ text: forText, slug: forSlug || undefined, title: title || undefined });
      setPreview({ key: JSON.stringify([forText, forSlug]), result });
    } catch (error) {
      setPreview(null);
      setProblem(errorMessage(error));
    }
  }

  /** Puts what a file or page gave into the form: its text, and metadata only where the editor has typed nothing. */
  async function take(article: ReadArticle, from: string) {
    const merged: Fields = { ...fields };
    for (const [name, value] of Object.entries(article.fields) as Array<[keyof Fields, string | null]>) {
      if (value && !merged[name].trim()) merged[name] = value;
    }
    setFields(merged);
    setText(article.text);
    setLoaded(from);
    await runPreview(article.text, slugEdited ? slug : slugify(merged.title), merged.title);
  }

  async function onFile(file: File | undefined) {
    if (!file) return;
    setProblem(null);
    setPreview(null);
    const read = await readArticleFile(file);
    if (!read.ok) {
      setLoaded(null);
      return setProblem(read.message);
    }
    await take(read.article, `Read from ${file.name}.`);
  }

  async function onFetch() {
    setProblem(null);
    setPreview(null);
    try {
      const page = await fetchMutation.mutateAsync({ url: url.trim() });
      const fields = { title: page.title, byline: page.byline, publisherName: page.publisherName, publisherDomain: page.publisherDomain, originalUrl: page.originalUrl, publishedOn: page.publishedOn };
      await take({ text: page.text, fields }, `Fetched from ${page.finalUrl}.`);
    } catch (error) {
      setProblem(errorMessage(error));
    }
  }

  function onImport() {
    setProblem(null);
    const domain = fields.publisherDomain.trim().toLowerCase() || (fields.publisherName.trim() ? hostOf(fields.originalUrl.trim()) : null);
    if (fields.publisherName.trim() && !domain) return setProblem("Give the publisher's website (e.g. themoscowtimes.com), or the article's original URL.");
    importMutation.mutate({
      title: fields.title,
      slug: effectiveSlug || undefined,
      byline: fields.byline.trim() || undefined,
      publisher: domain ? { domain, name: fields.publisherName.trim() || domain } : undefined,
      originalUrl: fields.originalUrl.trim() || undefined,
      publishedOn: fields.publishedOn || undefined,
      text,
    });
  }

  return (
    <div className="mx-auto max-w-3xl px-4 py-6">
      <nav aria-label="New article" className="text-sm">
        <Link href="/dashboard" className="text-accent hover:underline">
          ← Dashboard
        </Link>
      </nav>
      <h1 className="mt-3 text-2xl font-semibold">New article</h1>
      <p className="mt-1 text-sm text-quiet">
        Paste the text, upload a .txt, .md or .html file, or fetch the page from its address. Check the preview, then import: the article is saved as a draft.
      </p>

      <section aria-labelledby={`${ids}-source`} className="mt-5 space-y-4 rounded border border-rule p-4">
        <h2 id={`${ids}-source`} className="text-base font-semibold">Text</h2>
        <div className="grid gap-4 md:grid-cols-2">
          <label className="block text-sm font-medium">
            Upload a file <span className="font-normal text-quiet">(.txt, .md or .html, up to 20 MB)</span>
            <input
              type="file"
              accept=".txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html"
              onChange={(event) => void onFile(event.target.files?.[0])}
              disabled={busy}
              className="mt-1 block w-full text-sm file:mr-3 file:rounded file:border file:border-rule file:bg-white file:px-3 file:py-1.5 file:text-sm file:font-medium hover:file:bg-wash"
            />
          </label>
          <form
            className="block"
            onSubmit={(event) => {
              event.preventDefault();
              void onFetch();
            }}
          >
            <label htmlFor={`${ids}-url`} className="block text-sm font-medium">
              Or fetch it from its address
            </label>
            <div className="mt-1 flex gap-2">
              <input id={`${ids}-url`} type="url" inputMode="url" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://…" className={`${fieldClass} mt-0 min-w-0 flex-1`} />
              <button type="submit" disabled={busy || !url.trim()} className={secondaryButtonClass}>
                {fetchMutation.isPending ? "Fetching…" : "Fetch"}
              </button>
            </div>
          </form>
        </div>
        <p role="status" className="text-sm text-quiet">
          {fetchMutation.isPending ? "Fetching the page…" : loaded}
        </p>
        <label className="block text-sm font-medium">
          Article text <span className="font-normal text-quiet">(a blank line between paragraphs; lines that are only a link become sources)</span>
          <textarea value={text} onChange={(e) => setText(e.target.value)} rows={12} className={`${fieldClass} font-serif text-base leading-relaxed`} spellCheck />
        </label>
      </section>

      <section aria-labelledby={`${ids}-details`} className="mt-5 rounded border border-rule p-4">
        <h2 id={`${ids}-details`} className="text-base font-semibold">Details</h2>
        <div className="mt-3 grid gap-3 md:grid-cols-2">
          <label className="block text-sm font-medium md:col-span-2">
            Title
            <input value={fields.title} onChange={set("title")} maxLength={300} required className={fieldClass} />
          </label>
          <label className="block text-sm font-medium md:col-span-2">
            Slug <span className="font-normal text-quiet">(the reader link: /a/{effectiveSlug || "…"})</span>
            <input
              value={effectiveSlug}
              onChange={(e) => {
                setSlugEdited(true);
                setSlug(e.target.value);
              }}
              maxLength={80}
              className={`${fieldClass} font-mono`}
            />
          </label>
          <label className="block text-sm font-medium">
            Byline
            <input value={fields.byline} onChange={set("byline")} maxLength={300} className={fieldClass} />
          </label>
          <label className="block text-sm font-medium">
            Published date
            <input type="date" value={fields.publishedOn} onChange={set("publishedOn")} className={fieldClass} />
          </label>
          <label className="block text-sm font-medium">
            Publisher
            <input value={fields.publisherName} onChange={set("publisherName")} maxLength={200} className={fieldClass} />
          </label>
          <label className="block text-sm font-medium">
            Publisher&apos;s website <span className="font-normal text-quiet">(domain)</span>
            <input value={fields.publisherDomain} onChange={set("publisherDomain")} maxLength={253} placeholder={hostOf(fields.originalUrl.trim()) ?? "e.g. themoscowtimes.com"} className={fieldClass} />
          </label>
          <label className="block text-sm font-medium md:col-span-2">
            Original URL
            <input type="url" inputMode="url" value={fields.originalUrl} onChange={set("originalUrl")} maxLength={2000} className={fieldClass} />
          </label>
        </div>
      </section>

      {problem && (
        <div role="alert" className="mt-4 rounded border border-[#cf222e] bg-[#ffebe9] px-3 py-2 text-sm text-[#a40e26]">
          {problem}
        </div>
      )}

      <div className="mt-4 flex flex-wrap items-center gap-3">
        <button type="button" onClick={() => void runPreview(text, effectiveSlug, fields.title)} disabled={busy || !text.trim()} className={previewIsCurrent ? secondaryButtonClass : primaryButtonClass}>
          {previewMutation.isPending ? "Previewing…" : "Preview"}
        </button>
        {preview && !previewIsCurrent && <span className="text-sm text-quiet">The text or slug changed since the preview: preview again before importing.</span>}
      </div>

      {preview && (
        <ArticlePreview preview={preview.result} stale={!previewIsCurrent}>
          <button type="button" onClick={onImport} disabled={busy || !previewIsCurrent || preview.result.slugTaken || !fields.title.trim()} className={primaryButtonClass}>
            {importMutation.isPending ? "Importing…" : "Import article"}
          </button>
          {!fields.title.trim() && <span className="text-sm text-quiet">Give the article a title to import it.</span>}
        </ArticlePreview>
      )}
    </div>
  );
}
