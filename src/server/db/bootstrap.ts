import pg from "pg";
import { migrate } from "./migrate";

export const APP_ROLE = "benchflow_app";

/** The application's connection URL: the owner's URL with the non-owner app role's credentials. */
export function appRoleUrl(ownerUrl: string, password: string): string {
  const url = new URL(ownerUrl);
  url.username = APP_ROLE;
  url.password = password;
  return url.toString();
}

/**
 * Applies migrations, then lets the app role log in with the given password. Run by the dev server,
 * the start script and the test setup, never on the request path.
 */
export async function prepareDatabase(
  ownerUrl: string,
  options: { appPassword: string; log?: (line: string) => void },
): Promise<{ appUrl: string }> {
  await migrate(ownerUrl, { log: options.log });
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ sql: string }>(
      "SELECT format('ALTER ROLE %I LOGIN PASSWORD %L', $1::text, $2::text) AS sql",
      [APP_ROLE, options.appPassword],
    );
    await client.query(rows[0]!.sql);
  } finally {
    await client.end();
  }
  return { appUrl: appRoleUrl(ownerUrl, options.appPassword) };
}
