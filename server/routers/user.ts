import { createUser, createUserInput } from "../services/user/create-user";
import { deactivateUser, deactivateUserInput, setUserRole, setUserRoleInput } from "../services/user/change-user-access";
import { listEditors } from "../services/user/list-editors";
import { listUsers } from "../services/user/list-users";
import { resetPassword, resetPasswordInput } from "../services/user/reset-password";
import { can } from "../policy";
import { adminProcedure, createTRPCRouter, editorProcedure, publicProcedure } from "../trpc/init";

export const userRouter = createTRPCRouter({
  /** Who am I, for the header: null when signed out. The policy, not the browser, says what to offer. */
  me: publicProcedure.query(({ ctx }) =>
    ctx.actor.kind === "user"
      ? { id: ctx.actor.id, name: ctx.actor.name, role: ctx.actor.role, canOpenDashboard: can(ctx.actor, "article.listAll"), canAdminister: can(ctx.actor, "user.list") }
      : null,
  ),
  editors: editorProcedure.query(({ ctx }) => listEditors(ctx)),
  list: adminProcedure.query(({ ctx }) => listUsers(ctx)),
  create: adminProcedure.input(createUserInput).mutation(({ ctx, input }) => createUser(ctx, input)),
  setRole: adminProcedure.input(setUserRoleInput).mutation(({ ctx, input }) => setUserRole(ctx, input)),
  deactivate: adminProcedure.input(deactivateUserInput).mutation(({ ctx, input }) => deactivateUser(ctx, input)),
  resetPassword: adminProcedure.input(resetPasswordInput).mutation(({ ctx, input }) => resetPassword(ctx, input)),
});
