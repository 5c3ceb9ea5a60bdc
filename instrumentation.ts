/**
 * Runs once when a server process starts (never during `next build`): validates the
 * configuration, migrates the database, seeds demo data and starts the local job runner.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { boot } = await import("./lib/boot");
  await boot();
}
