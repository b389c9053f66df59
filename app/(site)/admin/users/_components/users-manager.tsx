"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/providers/trpc-provider";
import { ErrorAlert } from "@/components/workspace/error-alert";
import { dangerButtonClass, fieldClass, primaryButtonClass, secondaryButtonClass } from "@/components/workspace/form-styles";
import { ModalDialog } from "@/components/workspace/modal-dialog";
import { errorMessage } from "@/components/workspace/trpc-error";
import { ROLES, type Role } from "@/lib/roles";
import { formatDate } from "@/lib/text/format-date";
import type { AppRouter } from "@/server/routers/_app";

type User = inferRouterOutputs<AppRouter>["user"]["list"][number];
type Dialog = { kind: "role" | "password" | "deactivate"; user: User } | null;

const ROLE_LABELS: Record<Role, string> = { reader: "Reader", editor: "Editor", admin: "Admin" };

/** The users table with its create form and the three per-person actions, each behind a dialog naming the person. */
export function UsersManager() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const users = useQuery(trpc.user.list.queryOptions());
  const me = useQuery(trpc.user.me.queryOptions()).data;
  const [dialog, setDialog] = useState<Dialog>(null);
  const [notice, setNotice] = useState<string | null>(null);

  async function done(message: string) {
    setDialog(null);
    setNotice(message);
    await queryClient.invalidateQueries({ queryKey: trpc.user.list.queryKey() });
  }

  return (
    <>
      <CreateUserForm onCreated={(user) => done(`Created ${user.name} (${user.email}) as ${ROLE_LABELS[user.role].toLowerCase()}.`)} />
      <p role="status" className="mt-4 min-h-5 text-sm text-[#1a7f37]">{notice}</p>
      {users.error && <ErrorAlert message={errorMessage(users.error)} />}
      <div className="mt-2 max-h-[70vh] overflow-auto rounded border border-rule">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Everyone with an account, with their role and status</caption>
          <thead className="sticky top-0 z-10 bg-wash text-quiet">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium">Person</th>
              <th scope="col" className="hidden px-3 py-2 font-medium sm:table-cell">Role</th>
              <th scope="col" className="hidden px-3 py-2 font-medium sm:table-cell">Status</th>
              <th scope="col" className="hidden px-3 py-2 font-medium md:table-cell">Since</th>
              <th scope="col" className="px-3 py-2 font-medium">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-rule">
            {users.isPending && (
              <tr>
                <td colSpan={5} className="px-3 py-3 text-quiet">Loading users…</td>
              </tr>
            )}
            {users.data?.map((user) => (
              <tr key={user.id} className={user.active ? undefined : "bg-wash/60 text-quiet"}>
                <td className="px-3 py-2">
                  <div className="font-medium">
                    {user.name}
                    {me?.id === user.id && <span className="ml-1 text-xs font-normal text-quiet">(you)</span>}
                  </div>
                  <div className="break-all text-xs text-quiet">{user.email}</div>
                  {/* On phones role and status join the person's cell, so the actions keep room. */}
                  <div className="text-xs sm:hidden">{ROLE_LABELS[user.role]} · {user.active ? "Active" : "Deactivated"}</div>
                </td>
                <td className="hidden px-3 py-2 sm:table-cell">{ROLE_LABELS[user.role]}</td>
                <td className="hidden px-3 py-2 sm:table-cell">{user.active ? "Active" : "Deactivated"}</td>
                <td className="hidden px-3 py-2 md:table-cell">{formatDate(user.createdAt)}</td>
                <td className="px-3 py-2">
                  {user.active && (
                    <div className="flex flex-col items-end gap-1.5 sm:flex-row sm:flex-wrap sm:justify-end">
                      <button type="button" className={secondaryButtonClass} aria-label={`Change role of ${user.name}`} onClick={() => setDialog({ kind: "role", user })}>
                        Role…
                      </button>
                      <button type="button" className={secondaryButtonClass} aria-label={`Reset password of ${user.name}`} onClick={() => setDialog({ kind: "password", user })}>
                        Password…
                      </button>
                      <button type="button" className={dangerButtonClass} aria-label={`Deactivate ${user.name}`} onClick={() => setDialog({ kind: "deactivate", user })}>
                        Deactivate…
                      </button>
                    </div>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ModalDialog open={dialog?.kind === "role"} onClose={() => setDialog(null)} title={dialog ? `Change the role of ${dialog.user.name}` : ""}>
        {dialog?.kind === "role" && <RoleForm user={dialog.user} onCancel={() => setDialog(null)} onDone={done} />}
      </ModalDialog>
      <ModalDialog
        open={dialog?.kind === "password"}
        onClose={() => setDialog(null)}
        title={dialog ? `Reset the password of ${dialog.user.name}` : ""}
        description="They are signed out everywhere; tell them the new password in person or by phone."
      >
        {dialog?.kind === "password" && <PasswordForm user={dialog.user} onCancel={() => setDialog(null)} onDone={done} />}
      </ModalDialog>
      <ModalDialog
        open={dialog?.kind === "deactivate"}
        onClose={() => setDialog(null)}
        title={dialog ? `Deactivate ${dialog.user.name}?` : ""}
        description={dialog ? `${dialog.user.email} is signed out at once and can no longer sign in. Their claims and history stay.` : undefined}
      >
        {dialog?.kind === "deactivate" && <DeactivateForm user={dialog.user} onCancel={() => setDialog(null)} onDone={done} />}
      </ModalDialog>
    </>
  );
}

function CreateUserForm({ onCreated }: { onCreated: (user: { name: string; email: string; role: Role }) => void }) {
  const trpc = useTRPC();
  const create = useMutation(trpc.user.create.mutationOptions());
  const [form, setForm] = useState({ name: "", email: "", role: "editor" as Role, password: "" });

  async function submit(event: FormEvent) {
    event.preventDefault();
    const user = await create.mutateAsync(form).catch(() => null);
    if (!user) return;
    setForm({ name: "", email: "", role: "editor", password: "" });
    onCreated(user);
  }

  return (
    <form onSubmit={submit} aria-labelledby="create-user-heading" className="mt-6 rounded border border-rule p-4">
      <h2 id="create-user-heading" className="text-base font-semibold">Add a person</h2>
      <div className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <label className="block text-sm font-medium">
          Name
          <input required value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} className={fieldClass} autoComplete="off" />
        </label>
        <label className="block text-sm font-medium">
          Email
          <input required type="email" value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} className={fieldClass} autoComplete="off" />
        </label>
        <label className="block text-sm font-medium">
          Role
          <select value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value as Role })} className={fieldClass}>
            {ROLES.map((role) => (
              <option key={role} value={role}>{ROLE_LABELS[role]}</option>
            ))}
          </select>
        </label>
        <label className="block text-sm font-medium">
          Initial password
          <input
            required
            type="password"
            minLength={12}
            value={form.password}
            onChange={(e) => setForm({ ...form, password: e.target.value })}
            className={fieldClass}
            autoComplete="new-password"
            aria-describedby="create-user-password-hint"
          />
        </label>
      </div>
      <p id="create-user-password-hint" className="mt-2 text-xs text-quiet">At least 12 characters. Give it to the person in person; they keep it until an admin resets it.</p>
      {create.error && <div className="mt-3"><ErrorAlert message={errorMessage(create.error)} /></div>}
      <button type="submit" className={`${primaryButtonClass} mt-3`} disabled={create.isPending}>
        {create.isPending ? "Creating…" : "Create account"}
      </button>
    </form>
  );
}

type FormProps = { user: User; onCancel: () => void; onDone: (message: string) => Promise<void> };

function DialogButtons({ onCancel, pending, label, danger = false }: { onCancel: () => void; pending: boolean; label: string; danger?: boolean }) {
  return (
    <div className="mt-4 flex justify-end gap-2">
      <button type="button" className={secondaryButtonClass} onClick={onCancel}>Cancel</button>
      <button type="submit" className={danger ? dangerButtonClass : primaryButtonClass} disabled={pending}>{label}</button>
    </div>
  );
}

function RoleForm({ user, onCancel, onDone }: FormProps) {
  const trpc = useTRPC();
  const setRole = useMutation(trpc.user.setRole.mutationOptions());
  const [role, setRoleValue] = useState<Role>(user.role);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const updated = await setRole.mutateAsync({ userId: user.id, role }).catch(() => null);
    if (updated) await onDone(`${user.name} is now ${ROLE_LABELS[updated.role].toLowerCase()}.`);
  }

  return (
    <form onSubmit={submit}>
      <label className="block text-sm font-medium">
        New role for {user.name}
        <select data-autofocus value={role} onChange={(e) => setRoleValue(e.target.value as Role)} className={fieldClass}>
          {ROLES.map((r) => (
            <option key={r} value={r}>{ROLE_LABELS[r]}{r === user.role ? " (current)" : ""}</option>
          ))}
        </select>
      </label>
      {setRole.error && <div className="mt-3"><ErrorAlert message={errorMessage(setRole.error)} /></div>}
      <DialogButtons onCancel={onCancel} pending={setRole.isPending} label={`Make ${user.name} ${ROLE_LABELS[role].toLowerCase()}`} danger={user.role === "admin" && role !== "admin"} />
    </form>
  );
}

function PasswordForm({ user, onCancel, onDone }: FormProps) {
  const trpc = useTRPC();
  const reset = useMutation(trpc.user.resetPassword.mutationOptions());
  const [password, setPassword] = useState("");

  async function submit(event: FormEvent) {
    event.preventDefault();
    const updated = await reset.mutateAsync({ userId: user.id, password }).catch(() => null);
    if (updated) await onDone(`New password set for ${user.name}; they were signed out.`);
  }

  return (
    <form onSubmit={submit}>
      <label className="block text-sm font-medium">
        New password
        <input data-autofocus required type="password" minLength={12} value={password} onChange={(e) => setPassword(e.target.value)} className={fieldClass} autoComplete="new-password" />
      </label>
      {reset.error && <div className="mt-3"><ErrorAlert message={errorMessage(reset.error)} /></div>}
      <DialogButtons onCancel={onCancel} pending={reset.isPending} label={`Reset ${user.name}'s password`} danger />
    </form>
  );
}

function DeactivateForm({ user, onCancel, onDone }: FormProps) {
  const trpc = useTRPC();
  const deactivate = useMutation(trpc.user.deactivate.mutationOptions());

  async function submit(event: FormEvent) {
    event.preventDefault();
    const updated = await deactivate.mutateAsync({ userId: user.id }).catch(() => null);
    if (updated) await onDone(`${user.name} is deactivated and signed out.`);
  }

  return (
    <form onSubmit={submit}>
      {deactivate.error && <div className="mb-3"><ErrorAlert message={errorMessage(deactivate.error)} /></div>}
      <DialogButtons onCancel={onCancel} pending={deactivate.isPending} label={`Deactivate ${user.name}`} danger />
    </form>
  );
}
