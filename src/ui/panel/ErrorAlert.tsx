// Every AgentError the same way: a Garden alert with what happened, the next step, and a Retry (counting down
// when GitHub said how long to wait). The strings are `ui.errors.<code>.title|message|next` with the error's params.
import { useEffect, useState } from 'react';
import { Alert } from '@zendeskgarden/react-notifications';
import { Button } from '@zendeskgarden/react-buttons';
import type { AgentError } from '../../errors/agent-error.ts';
import type { Translate } from '../logic/i18n.ts';
import { withGardenTheme } from '../shell/GardenTheme.tsx';
// This part's strings are among the late ones (translations' ui subtrees loaded with it).
import '../logic/late-i18n.ts';

/** Seconds left before a retry makes sense, from when the error was shown; 0 when it may be retried now. */
export function secondsLeft(error: AgentError, shownAtMs: number, nowMs: number): number {
  if (!error.retryAfterSeconds) return 0;
  return Math.max(0, Math.ceil(error.retryAfterSeconds - (nowMs - shownAtMs) / 1000));
}

/** Seconds left before `error` may be retried, counting down once a second; 0 for none (or no error). */
export function useRetryWait(error: AgentError | null): number {
  const [shownAt, setShownAt] = useState(() => Date.now());
  const [now, setNow] = useState(() => Date.now());
  // A new error starts its own wait.
  const [seen, setSeen] = useState(error);
  if (seen !== error) {
    setSeen(error);
    setShownAt(Date.now());
    setNow(Date.now());
  }
  const wait = error ? secondsLeft(error, shownAt, now) : 0;
  useEffect(() => {
    if (wait <= 0) return undefined;
    const timer = setTimeout(() => setNow(Date.now()), 1000);
    return () => clearTimeout(timer);
  }, [wait, now]);
  return wait;
}

export function errorStrings(t: Translate, error: AgentError): { title: string; message: string; next: string } {
  const params = { ...error.params };
  return {
    title: t(`ui.errors.${error.code}.title`, params),
    message: t(`ui.errors.${error.code}.message`, params),
    next: t(`ui.errors.${error.code}.next`, params),
  };
}

export function ErrorAlert(props: {
  t: Translate;
  error: AgentError;
  onRetry?: () => void;
  retryLabel?: string;
  retryTestId?: string;
  'data-testid'?: string;
}): JSX.Element {
  const { t, error, onRetry } = props;
  const wait = useRetryWait(error);
  const s = errorStrings(t, error);
  return (
    <Alert type="error" role="alert" data-testid={props['data-testid']} data-error-code={error.code}>
      <Alert.Title>{s.title}</Alert.Title>
      <Alert.Paragraph>{s.message}</Alert.Paragraph>
      <Alert.Paragraph>{s.next}</Alert.Paragraph>
      {onRetry ? (
        <Button
          size="small"
          style={{ marginTop: 8 }}
          onClick={onRetry}
          disabled={wait > 0}
          data-testid={props.retryTestId ?? 'retry-button'}
        >
          {wait > 0 ? t('ui.retry_in', { seconds: wait }) : (props.retryLabel ?? t('ui.retry'))}
        </Button>
      ) : null}
    </Alert>
  );
}

/** Lazy-loaded: Garden's theme comes with it (GardenTheme.tsx). */
export default withGardenTheme(ErrorAlert);
