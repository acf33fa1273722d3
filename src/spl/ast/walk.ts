// Generic traversal of the AST: every kind-tagged node, subsearches and expressions included.

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
