/** What an editor or reader sees on an admin page. */
export function AdminsOnly() {
  return (
    <div className="py-8">
      <h1 className="text-2xl font-semibold">Admins only</h1>
      <p className="mt-2 text-quiet">This page manages the newsroom&apos;s people and registry. Ask an admin if you need a change here.</p>
    </div>
  );
}
