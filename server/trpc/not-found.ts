import "server-only";
import { TRPCError } from "@trpc/server";
import { notFound } from "next/navigation";

/** Runs a server-side tRPC call and turns a NOT_FOUND into Next's 404 page. */
export async function orNotFound<T>(call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (error) {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}
