/** What a signed-in reader sees on an editor page (dashboard, queue, workspace). */
export function EditorsOnly() {
  return (
    <div className="mx-auto max-w-3xl px-4 py-16">
      <h1 className="text-2xl font-semibold">Editors only</h1>
      <p className="mt-2 text-quiet">Your account is a reader account. Ask an admin to make you an editor.</p>
    </div>
  );
}
