import type { ShownError } from '../lib/errors';

/** A refusal in plain words: from main (ShownError) or from the shop server (the owner's page). */
export function ErrorBox({ error }: { error: Pick<ShownError, 'text' | 'issues'> & { code: string } }) {
  return (
    <div className="error-box" role="alert" data-testid="error" data-code={error.code}>
      <div>{error.text}</div>
      {error.issues.length > 0 && (
        <ul>
          {error.issues.map((i) => (
            <li key={i}>{i}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
