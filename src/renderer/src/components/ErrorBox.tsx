import type { ShownError } from '../lib/errors';

export function ErrorBox({ error }: { error: ShownError }) {
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
