// Generic traversal of the AST: every kind-tagged node, subsearches and expressions included.
import type { Command } from './command.ts';
import type { Expr } from './expr.ts';
import type { Pipeline } from './pipeline.ts';

/** Any AST node: an object with a string `kind`. */
export interface AstNode {
  readonly kind: string;
}

function isNode(value: unknown): value is AstNode {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { kind?: unknown }).kind === 'string'
  );
}

/**
 * Calls `visit` for every node under `root` (root included), parents before children, in
 * source order. Follows objects and arrays, so new node kinds are walked without changes here.
 */
export function walkNodes(root: unknown, visit: (node: AstNode) => void): void {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push(value[i]);
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (isNode(value)) visit(value);
    else if ('start' in value && 'end' in value) continue;
    const children = Object.values(value);
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i];
      if (typeof child === 'object' && child !== null) stack.push(child);
    }
  }
}

/** Every node under `root`, in the order `walkNodes` visits them. */
export function collectNodes(root: unknown): AstNode[] {
  const nodes: AstNode[] = [];
  walkNodes(root, (node) => nodes.push(node));
  return nodes;
}

const EXPR_KINDS = new Set([
  'String',
  'Number',
  'Field',
  'Call',
  'Unary',
  'Binary',
  'In',
  'Array',
  'Object',
]);
const COMMAND_KINDS_EXCLUDED = new Set(['Pipeline', 'Subsearch']);

/** Every command, in nested pipelines too. */
export function forEachCommand(pipeline: Pipeline, visit: (command: Command) => void): void {
  walkNodes(pipeline, (node) => {
    if (
      'nameSpan' in node &&
      'span' in node &&
      !COMMAND_KINDS_EXCLUDED.has(node.kind) &&
      !EXPR_KINDS.has(node.kind)
    ) {
      visit(node as Command);
    }
  });
}

/** Every eval expression node (each sub-expression is visited too). */
export function forEachExpr(root: unknown, visit: (expr: Expr) => void): void {
  walkNodes(root, (node) => {
    if (EXPR_KINDS.has(node.kind)) visit(node as Expr);
  });
}
