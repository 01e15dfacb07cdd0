import { useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate, useSearchParams } from "react-router";
import { ActivateForm } from "../features/auth/ActivateForm";
import { AuthLayout } from "./AuthLayout";

export function ActivatePage() {
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const navigate = useNavigate();
  const queryClient = useQueryClient();

  return (
    <AuthLayout title="Activate your account">
      {token ? (
        <ActivateForm
          token={token}
          onActivated={() => {
            queryClient.clear();
            navigate("/overview", { replace: true });
          }}
        />
      ) : (
        <div role="alert" className="space-y-2 text-sm">
          <p className="font-medium">This activation link is incomplete.</p>
          <p className="text-slate-600 dark:text-slate-300">
            Open the full link from your invite, or ask an admin for a new invite.
          </p>
          <Link to="/login" className="text-sky-700 hover:underline dark:text-sky-400">
            Go to sign in
          </Link>
        </div>
      )}
    </AuthLayout>
  );
}
