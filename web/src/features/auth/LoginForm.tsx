import { useMutation } from "@tanstack/react-query";
import { useEffect, useState, type FormEvent } from "react";
import { isApiError } from "../../shared/api/ApiError";
import { login } from "../../shared/auth/authApi";
import type { TokenResponse } from "../../shared/auth/session";
import { Button } from "../../shared/ui/Button";
import { ErrorState } from "../../shared/ui/ErrorState";
import { FormField } from "../../shared/ui/FormField";

function useSecondsUntil(deadline: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (deadline === null) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [deadline]);
  return deadline === null ? 0 : Math.max(0, Math.ceil((deadline - now) / 1000));
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

export function LoginForm({ onSignedIn }: { onSignedIn: (tokens: TokenResponse) => void }) {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [retryAt, setRetryAt] = useState<number | null>(null);
  const waitSeconds = useSecondsUntil(retryAt);

  const signIn = useMutation({
    mutationFn: () => login(email.trim(), password),
    meta: { toast: false },
    onSuccess: onSignedIn,
    onError: (error) => {
      setPassword("");
      if (isApiError(error) && error.status === 429) {
        setRetryAt(Date.now() + (error.retryAfterSeconds ?? 60) * 1000);
      }
    },
  });

  const throttled = waitSeconds > 0;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (throttled || signIn.isPending) return;
    signIn.mutate();
  };

  const error = signIn.error;
  const tooMany = isApiError(error) && error.status === 429;

  return (
    <form aria-label="Sign in" onSubmit={submit} className="space-y-4" noValidate>
      {error && (
        <div>
          <ErrorState error={error} />
          {tooMany && (
            <p role="status" className="mt-2 text-sm text-slate-600 dark:text-slate-300">
              {throttled ? `Try again in ${plural(waitSeconds, "second")}.` : "You can try again now."}
            </p>
          )}
        </div>
      )}
      <FormField
        label="Email"
        name="email"
        type="email"
        autoComplete="username"
        required
        autoFocus
        value={email}
        onChange={(e) => setEmail(e.target.value)}
      />
      <FormField
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        value={password}
        onChange={(e) => setPassword(e.target.value)}
      />
      <Button type="submit" variant="primary" className="w-full py-2" disabled={throttled || signIn.isPending || !email || !password}>
        {signIn.isPending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
