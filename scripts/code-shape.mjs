#!/usr/bin/env node
// Prints the largest source files and the longest functions under src/, so the shape of the
// code can be compared between commits with the same measure:
//   node scripts/code-shape.mjs [--root DIR] [--top N]
// "lines" are physical lines; "code" skips blank and comment-only lines, which is what the
// ESLint max-lines and max-lines-per-function rules count (skipBlankLines, skipComments).
// Functions are every declaration, method, accessor, constructor, function expression and
// arrow function, named by what they are bound to; a nested function counts inside its parent
// too, as ESLint counts it.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 && args[at + 1] ? args[at + 1] : fallback;
};
const root = option('--root', process.cwd());
const top = Number(option('--top', '10'));

function sourceFiles(dir) {
  const found = [];
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) found.push(...sourceFiles(path));
    else if (/\.(ts|tsx)$/.test(entry) && !entry.endsWith('.d.ts')) found.push(path);
  }
  return found;
}

/** Line numbers (0-based) that hold something other than blanks and comments. */
function codeLineSet(source) {
  const text = source.text;
  const inComment = new Uint8Array(text.length);
  const markComments = (node) => {
    const children = node.getChildren(source);
    if (children.length === 0) {
      for (const range of ts.getLeadingCommentRanges(text, node.pos) ?? []) inComment.fill(1, range.pos, range.end);
      return;
    }
    children.forEach(markComments);
  };
  markComments(source);
  const lines = new Set();
  let line = 0;
  for (let at = 0; at < text.length; at += 1) {
    const ch = text[at];
    if (ch === '\n') line += 1;
    else if (!inComment[at] && !/\s/.test(ch)) lines.add(line);
  }
  return lines;
}

function functionName(node) {
  if (node.name) return node.name.getText();
  if (ts.isConstructorDeclaration(node)) return 'constructor';
  const parent = node.parent;
  if (
    parent &&
    (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent))
  )
    return parent.name.getText();
  if (parent && ts.isCallExpression(parent)) return `(callback to ${parent.expression.getText().slice(0, 40)})`;
  return '(anonymous)';
}

const files = [];
const functions = [];
for (const path of sourceFiles(join(root, 'src'))) {
  const text = readFileSync(path, 'utf8');
  const kind = path.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, kind);
  const code = codeLineSet(source);
  const name = relative(root, path);
  const countCode = (from, to) => {
    let n = 0;
    for (let line = from; line <= to; line += 1) if (code.has(line)) n += 1;
    return n;
  };
  files.push({ name, lines: source.getLineStarts().length, code: code.size });
  const visit = (node) => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const from = source.getLineAndCharacterOfPosition(node.getStart()).line;
      const to = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      functions.push({
        name: `${name}:${from + 1} ${functionName(node)}`,
        lines: to - from + 1,
        code: countCode(from, to),
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
}

const table = (title, rows) => {
  console.log(`\n${title}`);
  console.log('  lines   code  where');
  for (const row of rows.sort((a, b) => b.code - a.code || b.lines - a.lines).slice(0, top))
    console.log(`  ${String(row.lines).padStart(5)}  ${String(row.code).padStart(5)}  ${row.name}`);
};
const total = files.reduce((sum, f) => sum + f.lines, 0);
console.log(`${files.length} files, ${total} lines, ${functions.length} functions under ${join(root, 'src')}`);
table(`Top ${top} files (by code lines)`, files);
table(`Top ${top} functions (by code lines)`, functions);
