import type { ReactNode } from "react";
import { Navigate, useLocation } from "react-router";
import { loginPath } from "./loginPath";
import { useSession } from "./useSession";

/** Everything but the login and activation pages needs a signed-in user. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (!session) return <Navigate to={loginPath(`${location.pathname}${location.search}`)} replace />;
  return children;
}
