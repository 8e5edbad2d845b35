-- The role that serves studio data reads people's names and emails (team lists, plans) but never a password
-- hash, and writes no account: column privileges on "User", nothing on the sign-in tokens. A new "User"
-- column is not readable by the app role until granted here (tests/integration/tenancy/app-role.test.ts
-- fails until it is decided).
REVOKE ALL ON "User" FROM benchflow_app;
GRANT SELECT ("id", "email", "name", "sessionVersion", "emailVerifiedAt", "createdAt", "updatedAt") ON "User" TO benchflow_app;
REVOKE ALL ON "AccountToken" FROM benchflow_app;
