/**
 * A migration's SQL split into its statements, so a long migration can say how far it got
 * (one step per statement). better-sqlite3 runs a whole script with exec() but prepares only
 * one statement at a time, and SQLite's own sqlite3_complete() is not exposed, so this reads
 * the script the way SQLite does for what matters here: quoted text and comments are not
 * split, and a CREATE TRIGGER runs to its END (the statements inside it end in ';' too).
 */
export function splitStatements(script: string): string[] {
  const out: string[] = [];
  let start = 0;
  let i = 0;
  const n = script.length;
  const flush = (end: number) => {
    const text = script.slice(start, end).trim();
    if (text.length > 0 && !isOnlyComments(text)) out.push(text);
    start = end;
  };
  while (i < n) {
    const c = script[i]!;
    if (c === "'" || c === '"' || c === '`') {
      i = script.indexOf(c, i + 1);
      if (i < 0) throw new SyntaxError('unterminated quote in migration SQL');
      i += 1;
    } else if (c === '-' && script[i + 1] === '-') {
      const eol = script.indexOf('\n', i);
      i = eol < 0 ? n : eol + 1;
    } else if (c === '/' && script[i + 1] === '*') {
      const close = script.indexOf('*/', i + 2);
      if (close < 0) throw new SyntaxError('unterminated comment in migration SQL');
      i = close + 2;
    } else if (c === ';') {
      if (!isOpenTrigger(script.slice(start, i))) flush(i + 1);
      i += 1;
    } else {
      i += 1;
    }
  }
  flush(n);
  return out;
}

const TRIGGER = /^\s*CREATE\s+(TEMP\s+|TEMPORARY\s+)?TRIGGER\b/i;

/** A CREATE TRIGGER ends at `END;`: before that, a ';' ends a statement inside its body. */
function isOpenTrigger(text: string): boolean {
  if (!TRIGGER.test(stripComments(text))) return false;
  return !/\bEND\s*$/i.test(stripComments(text));
}

function stripComments(text: string): string {
  return text.replace(/--[^\n]*(\n|$)/g, '\n').replace(/\/\*[\s\S]*?\*\//g, ' ');
}

function isOnlyComments(text: string): boolean {
  return stripComments(text).trim().length === 0;
}
