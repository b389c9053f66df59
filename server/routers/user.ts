import { createUser, createUserInput } from "../services/user/create-user";
import { deactivateUser, deactivateUserInput, setUserRole, setUserRoleInput } from "../services/user/change-user-access";
import { listUsers } from "../services/user/list-users";
import { resetPassword, resetPasswordInput } from "../services/user/reset-password";
import { adminProcedure, createTRPCRouter, publicProcedure } from "../trpc/init";

export const userRouter = createTRPCRouter({
  /** Who am I: null when signed out. Carries no email of anyone else. */
  me: publicProcedure.query(({ ctx }) => (ctx.actor.kind === "user" ? { id: ctx.actor.id, name: ctx.actor.name, role: ctx.actor.role } : null)),
  list: adminProcedure.query(({ ctx }) => listUsers(ctx)),
  create: adminProcedure.input(createUserInput).mutation(({ ctx, input }) => createUser(ctx, input)),
  setRole: adminProcedure.input(setUserRoleInput).mutation(({ ctx, input }) => setUserRole(ctx, input)),
  deactivate: adminProcedure.input(deactivateUserInput).mutation(({ ctx, input }) => deactivateUser(ctx, input)),
  resetPassword: adminProcedure.input(resetPasswordInput).mutation(({ ctx, input }) => resetPassword(ctx, input)),
});
