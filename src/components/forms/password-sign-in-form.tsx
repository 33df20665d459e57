'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { AlertCircle, Loader2 } from 'lucide-react';
import { useState, type ReactNode } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';

import { PasswordInput } from '@/components/store/password-input';
import { STORE_BUTTON_CLASS, STORE_INPUT_CLASS } from '@/components/store/store-styles';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';

import { useIsHydrated } from './use-is-hydrated';

const signInSchema = z.object({
  email: z.string().trim().min(1, 'Enter your email').pipe(z.email('Enter a valid email address, like name@example.com')),
  password: z.string().min(1, 'Enter your password'),
});
export type SignInValues = z.infer<typeof signInSchema>;

/** What to say when a sign-in is refused, and which field to go back to. */
export interface SignInRefusal {
  text: string;
  /** A warning (something to do first) rather than an error. */
  isWarning?: boolean;
  icon?: ReactNode;
  /** Under the text, e.g. a button that sends the confirmation link again. */
  action?: ReactNode;
  focus: 'email' | 'password';
}

// The staff dashboard's plain inputs, or the shop's larger ones with a show/hide toggle on the password.
const LOOKS = {
  dashboard: { input: undefined, button: 'w-full', hasPasswordToggle: false },
  store: { input: STORE_INPUT_CLASS, button: STORE_BUTTON_CLASS, hasPasswordToggle: true },
} as const;

/**
 * Email and password, for staff and for shoppers. `signIn` tries them and returns null once the browser is on its
 * way to the next page (the button stays busy until it leaves), or what to say. A refusal clears the password.
 */
export function PasswordSignInForm({ look, signIn, belowPassword }: {
  look: keyof typeof LOOKS;
  signIn: (values: SignInValues) => Promise<SignInRefusal | null>;
  /** Under the password field, e.g. a "Forgot your password?" link. */
  belowPassword?: ReactNode;
}) {
  const styles = LOOKS[look];
  const [refusal, setRefusal] = useState<SignInRefusal | null>(null);
  const [isLeaving, setIsLeaving] = useState(false);
  const form = useForm<SignInValues>({ resolver: zodResolver(signInSchema), defaultValues: { email: '', password: '' } });
  const { errors, isSubmitting } = form.formState;
  const isBusy = isSubmitting || isLeaving;
  const isHydrated = useIsHydrated();

  async function onSubmit(values: SignInValues) {
    setRefusal(null);
    const refused = await signIn(values);
    if (!refused) {
      setIsLeaving(true);
      return;
    }
    setRefusal(refused);
    form.resetField('password');
    form.setFocus(refused.focus);
  }

  const password = {
    id: 'password',
    autoComplete: 'current-password',
    'aria-invalid': errors.password ? true : undefined,
    'aria-describedby': errors.password ? 'password-error' : undefined,
    ...form.register('password'),
  };
  const passwordField = (
    <Field id="password" label="Password" error={errors.password?.message}>
      {styles.hasPasswordToggle ? <PasswordInput {...password} /> : <Input type="password" {...password} />}
    </Field>
  );

  return (
    // method="post" and the button disabled until hydration: a submit before React is ready must never put the
    // password into a GET URL (history, logs).
    <form method="post" onSubmit={form.handleSubmit(onSubmit)} noValidate className="space-y-4" aria-describedby={refusal ? 'sign-in-message' : undefined}>
      {refusal && (
        <Alert variant={refusal.isWarning ? 'warning' : 'destructive'} role="alert" id="sign-in-message">
          {refusal.icon ?? <AlertCircle aria-hidden />}
          <div>
            <p>{refusal.text}</p>
            {refusal.action}
          </div>
        </Alert>
      )}
      <Field id="email" label="Email" error={errors.email?.message}>
        <Input
          id="email"
          type="email"
          autoComplete="username"
          autoFocus
          inputMode="email"
          className={styles.input}
          aria-invalid={errors.email ? true : undefined}
          aria-describedby={errors.email ? 'email-error' : undefined}
          {...form.register('email')}
        />
      </Field>
      {belowPassword ? (
        <div className="space-y-1.5">
          {passwordField}
          {belowPassword}
        </div>
      ) : (
        passwordField
      )}
      <Button type="submit" className={styles.button} disabled={isBusy || !isHydrated}>
        {isBusy && <Loader2 className="animate-spin" aria-hidden />}
        {isBusy ? 'Signing in…' : 'Sign in'}
      </Button>
    </form>
  );
}
