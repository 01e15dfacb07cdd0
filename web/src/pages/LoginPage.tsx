import { useQueryClient } from "@tanstack/react-query";
import { Navigate, useNavigate, useSearchParams } from "react-router";
import { LoginForm } from "../features/auth/LoginForm";
import { safeNextPath } from "../shared/auth/loginPath";
import { useSession } from "../shared/auth/useSession";
import { AuthLayout } from "./AuthLayout";

export function LoginPage() {
  const [params] = useSearchParams();
  const next = safeNextPath(params.get("next"));
  const session = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();

  if (session) return <Navigate to={next} replace />;

  return (
    <AuthLayout title="Sign in">
      <LoginForm
        onSignedIn={() => {
          // Another user may have used this tab before: start from an empty cache.
          queryClient.clear();
          navigate(next, { replace: true });
        }}
      />
      <p className="mt-4 text-xs text-slate-500 dark:text-slate-400">
        No account yet? An admin invites you by email; the invite link lets you choose a password.
      </p>
    </AuthLayout>
  );
}
