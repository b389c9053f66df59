/** Runs once when the Next server starts (never during `next build`). */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startServer } = await import("./server/startup/start-server");
    await startServer();
  }
}
